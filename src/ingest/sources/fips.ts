/**
 * FIPS 10-4 country codes (GDELT's *Geo_CountryCode) to ISO 3166-1 alpha-2 (what the graph keeps).
 * A code missing from the table is left out of the place (and said in its note), not guessed.
 */
const differing: Record<string, string> = {
  AC: 'AG', AE: 'AE', AF: 'AF', AG: 'DZ', AJ: 'AZ', AL: 'AL', AM: 'AM', AN: 'AD', AO: 'AO', AR: 'AR', AS: 'AU', AU: 'AT',
  BA: 'BH', BB: 'BB', BC: 'BW', BE: 'BE', BG: 'BD', BH: 'BZ', BK: 'BA', BL: 'BO', BM: 'MM', BN: 'BJ', BO: 'BY', BP: 'SB',
  BR: 'BR', BU: 'BG', BX: 'BN', BY: 'BI', CA: 'CA', CB: 'KH', CD: 'TD', CE: 'LK', CF: 'CG', CG: 'CD', CH: 'CN', CI: 'CL',
  CM: 'CM', CN: 'KM', CO: 'CO', CS: 'CR', CT: 'CF', CU: 'CU', CY: 'CY', DA: 'DK', DJ: 'DJ', DR: 'DO', EC: 'EC', EG: 'EG',
  EI: 'IE', EK: 'GQ', EN: 'EE', ER: 'ER', ES: 'SV', ET: 'ET', EZ: 'CZ', FI: 'FI', FR: 'FR', GA: 'GM', GG: 'GE', GH: 'GH',
  GM: 'DE', GR: 'GR', GT: 'GT', GV: 'GN', GY: 'GY', HA: 'HT', HO: 'HN', HR: 'HR', HU: 'HU', IC: 'IS', ID: 'ID', IN: 'IN',
  IR: 'IR', IS: 'IL', IT: 'IT', IV: 'CI', IZ: 'IQ', JA: 'JP', JM: 'JM', JO: 'JO', KE: 'KE', KG: 'KG', KN: 'KP', KS: 'KR',
  KU: 'KW', KV: 'XK', KZ: 'KZ', LA: 'LA', LE: 'LB', LG: 'LV', LH: 'LT', LI: 'LR', LO: 'SK', LS: 'LI', LT: 'LS', LU: 'LU',
  LY: 'LY', MA: 'MG', MD: 'MD', MG: 'MN', MI: 'MW', MJ: 'ME', MK: 'MK', ML: 'ML', MO: 'MA', MR: 'MR', MT: 'MT', MU: 'OM',
  MX: 'MX', MY: 'MY', MZ: 'MZ', NG: 'NE', NI: 'NG', NL: 'NL', NO: 'NO', NP: 'NP', NU: 'NI', NZ: 'NZ', OD: 'SS', PA: 'PY',
  PE: 'PE', PK: 'PK', PL: 'PL', PM: 'PA', PO: 'PT', PP: 'PG', QA: 'QA', RI: 'RS', RO: 'RO', RP: 'PH', RS: 'RU', RW: 'RW',
  SA: 'SA', SF: 'ZA', SG: 'SN', SI: 'SI', SL: 'SL', SN: 'SG', SO: 'SO', SP: 'ES', SU: 'SD', SW: 'SE', SY: 'SY', SZ: 'CH',
  TH: 'TH', TI: 'TJ', TO: 'TG', TS: 'TN', TU: 'TR', TW: 'TW', TX: 'TM', TZ: 'TZ', UG: 'UG', UK: 'GB', UP: 'UA', US: 'US',
  UV: 'BF', UY: 'UY', UZ: 'UZ', VE: 'VE', VM: 'VN', WE: 'PS', WZ: 'SZ', YM: 'YE', ZA: 'ZM', ZI: 'ZW', GZ: 'PS',
};

export function isoFromFips(fips: string): string | undefined {
  return differing[fips.toUpperCase()];
}
