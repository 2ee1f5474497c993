/** The 11-proef for a BSN: 9 digits, weights 9..2 and -1, the sum divisible by 11 (and not 0). */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.reduce(
    (total, digit, index) => total + digit * (index === 8 ? -1 : 9 - index),
    0,
  );
  return sum !== 0 && sum % 11 === 0;
}
