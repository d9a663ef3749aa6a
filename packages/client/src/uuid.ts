/**
 * A random UUID (v4) from the Web Crypto of `globalThis` (browsers and Node >= 20, no Node import);
 * built from `getRandomValues` where `randomUUID` is missing (pages served over plain http).
 */
export function randomUuid(): string {
  const webCrypto = globalThis.crypto;
  if (typeof webCrypto.randomUUID === 'function') return webCrypto.randomUUID();
  // Each 0, 1 and 8 of the template becomes a random hex digit (8 keeps the variant bits 10xx).
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) => {
    const d = Number(digit);
    return (d ^ (webCrypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (d / 4)))).toString(16);
  });
}
