/** A readable key from any text: lowercase letters and digits, runs of anything else as one dash. */
export function slug(text: string, maxLength = 100): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength);
}
