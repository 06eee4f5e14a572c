import type { StanceValue } from './generated/graphql';

/**
 * Stance colours from the Okabe–Ito palette, told apart with the common colour-vision deficiencies;
 * every drawing also names the stance in text (legend, labels, lists), so colour is never the only cue.
 */
export const STANCES: Array<{ value: StanceValue; label: string; colour: string }> = [
  { value: 'ASSERTS', label: 'asserts', colour: '#D55E00' },
  { value: 'DENIES', label: 'denies', colour: '#0072B2' },
  { value: 'DISPUTES', label: 'disputes', colour: '#CC79A7' },
  { value: 'CALLS_TO_VERIFY', label: 'calls to verify', colour: '#009E73' },
];

/** Reported without taking a position on any claim. */
export const NO_STANCE_COLOUR = '#8A8A8A';

export function stanceColour(value: StanceValue): string {
  return STANCES.find((s) => s.value === value)?.colour ?? NO_STANCE_COLOUR;
}

export function stanceLabel(value: StanceValue): string {
  return STANCES.find((s) => s.value === value)?.label ?? value;
}
