// Provably fair checks for the browser (docs/fairness.md), Web Crypto only, no dependencies. An ES module served at
// /app/fairness-verify.js; also runs under Node 20+ (globalThis.crypto). Pinned against the worked example of
// docs/fairness.md §5 by hub-app's FairnessVerifyJsTest.

const subtle = globalThis.crypto.subtle;
const enc = new TextEncoder();

const hexToBytes = hex => {
  if (!/^([0-9a-f]{2})*$/.test(hex)) throw new Error('not lowercase hex');
  return Uint8Array.from(hex.match(/../g) || [], b => parseInt(b, 16));
};
const bytesToHex = bytes => Array.from(new Uint8Array(bytes), b => b.toString(16).padStart(2, '0')).join('');
const base64UrlToBytes = s => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0));

/** RFC 8785 canonical JSON for the values our frames carry (strings, integers, booleans, null, arrays, objects). */
export function canonicalJson(v) {
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  if (v !== null && typeof v === 'object') {
    return '{' + Object.keys(v).sort().map(k => JSON.stringify(k) + ':' + canonicalJson(v[k])).join(',') + '}';
  }
  return JSON.stringify(v);
}

/** Whether a spinResult frame (its text as received) is signed by the key of GET /fairness/signing-key. */
export async function verifySignature(frameText, jwk) {
  const { signature, ...signed } = JSON.parse(frameText);
  if (typeof signature !== 'string') return false;
  const key = await subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, false, ['verify']);
  return subtle.verify({ name: 'Ed25519' }, key, base64UrlToBytes(signature), enc.encode(canonicalJson(signed)));
}

/** Lowercase hex SHA-256 of the server-seed bytes: must equal the serverSeedHash shown before play. */
export async function commitmentOf(serverSeedHex) {
  return bytesToHex(await subtle.digest('SHA-256', hexToBytes(serverSeedHex)));
}

/**
 * The value in [0, m) for (spin, reel): uint32 words of HMAC-SHA256(seed, "<clientSeed>:<nonce>:<spin>:<reel>:<counter>"),
 * big-endian, 8 per counter; a word is accepted when below floor(2^32 / m) * m and mapped to word mod m.
 */
export async function reelValue(serverSeedHex, clientSeed, nonce, spin, reel, m) {
  const key = await subtle.importKey('raw', hexToBytes(serverSeedHex), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const limit = Math.floor(2 ** 32 / m) * m;
  for (let counter = 0; ; counter++) {
    const block = new DataView(await subtle.sign('HMAC', key, enc.encode(`${clientSeed}:${nonce}:${spin}:${reel}:${counter}`)));
    for (let i = 0; i < 32; i += 4) {
      const w = block.getUint32(i); // big-endian
      if (w < limit) return w % m;
    }
  }
}

/** Reel strip lengths of the built-in games (plain strips: the value is the stop). */
export const REEL_LENGTHS = { 'atkins-diet': [32, 32, 32, 32, 32], 'red-white-blue': [64, 64, 64] };

/**
 * Checks a revealed round from GET /fairness/rounds/{roundId}: the commitment and every spin's stops. (The hub's
 * own "verified" also re-evaluates the pays; VerifySpin does both offline.)
 *
 * @returns {Promise<{commitmentMatches: boolean, stopsMatch: boolean}>}
 */
export async function verifyRoundStops(round, reelLengths = REEL_LENGTHS[round.gameId]) {
  if (!round.serverSeed) throw new Error('the server seed is not revealed yet: rotate it first');
  const commitmentMatches = (await commitmentOf(round.serverSeed)) === round.serverSeedHash;
  let stopsMatch = true;
  for (const spin of round.spins) {
    for (let r = 0; r < reelLengths.length; r++) {
      const v = await reelValue(round.serverSeed, round.clientSeed, round.nonce, spin.index, r, reelLengths[r]);
      if (v !== spin.stops[r]) stopsMatch = false;
    }
  }
  return { commitmentMatches, stopsMatch };
}
