/**
 * The 11-proef for BSN and RSIN: nine digits d1…d9 with 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible
 * by 11. All zeros passes the sum but is no number anyone has, so it is refused.
 */
export function passesElfProef(value: string): boolean {
  if (!/^\d{9}$/.test(value) || /^0+$/.test(value)) return false;
  let sum = 0;
  for (let index = 0; index < 8; index++) sum += Number(value[index]) * (9 - index);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}
