// Provably fair checks done in the browser with Web Crypto only (the shared fairness contract, docs/fairness.md):
//  - commitment: lowercase hex SHA-256 of the server seed's bytes;
//  - stops: for spin index s and reel r, uint32 words from HMAC-SHA256(key = server seed bytes,
//    message = UTF-8 "<clientSeed>:<nonce>:<s>:<r>:<counter>"), 8 big-endian words per HMAC output used in order,
//    counter from 0; unbiased mapping to [0, m) by rejection (limit = floor(2^32 / m) * m, accept w < limit,
//    value = w mod m); m = strip length, or total weight of a weighted strip mapped by cumulative weights;
//  - signatures: Ed25519 over the RFC 8785 (JCS) canonical JSON of the spinResult without its "signature" member,
//    base64url without padding, checked with crypto.subtle.verify("Ed25519", …) against the hub's JWK.

const TWO_32 = 2 ** 32;

export function hexToBytes(hex) {
  if (!/^([0-9a-f]{2})+$/i.test(hex)) throw new Error('not a hex string');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}

export function bytesToHex(bytes) {
  return Array.from(new Uint8Array(bytes), b => b.toString(16).padStart(2, '0')).join('');
}

export function base64UrlToBytes(s) {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  return Uint8Array.from(bin, c => c.charCodeAt(0));
}

/** Lowercase hex SHA-256 of the server seed (given as hex): what the hub committed to before the spins. */
export async function commitmentOf(serverSeedHex) {
  return bytesToHex(await crypto.subtle.digest('SHA-256', hexToBytes(serverSeedHex)));
}

/** A uint32 word source for one (spin, reel): HMAC blocks of 8 big-endian words, counter from 0. */
async function* words(key, clientSeed, nonce, spin, reel) {
  const enc = new TextEncoder();
  for (let counter = 0; ; counter++) {
    const mac = await crypto.subtle.sign('HMAC', key, enc.encode(`${clientSeed}:${nonce}:${spin}:${reel}:${counter}`));
    const view = new DataView(mac);
    for (let i = 0; i < 8; i++) yield view.getUint32(i * 4, false);
  }
}

/** Uniform value in [0, m) from the word source, by rejection (never w % m on the raw range). */
async function uniform(source, m) {
  if (!Number.isInteger(m) || m < 1 || m > TWO_32) throw new Error(`bad range ${m}`);
  const limit = Math.floor(TWO_32 / m) * m;
  for (;;) {
    const { value: w } = await source.next();
    if (w < limit) return w % m;
  }
}

/**
 * The stops of one spin recomputed from the seeds.
 *
 * @param serverSeedHex the revealed server seed (64 hex chars)
 * @param reels         one strip per reel (only lengths matter) — from GET /games/{id}/definition
 * @param stopWeights   per reel one weight per stop, or an empty array when stops are equally likely
 * @returns {Promise<number[]>} one stop index per reel
 */
export async function recomputeStops(serverSeedHex, clientSeed, nonce, spinIndex, reels, stopWeights = []) {
  const key = await crypto.subtle.importKey('raw', hexToBytes(serverSeedHex), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const stops = [];
  for (let r = 0; r < reels.length; r++) {
    const weights = stopWeights && stopWeights.length ? stopWeights[r] : null;
    const m = weights ? weights.reduce((a, b) => a + Number(b), 0) : reels[r].length;
    const value = await uniform(words(key, clientSeed, nonce, spinIndex, r), m);
    if (!weights) {
      stops.push(value);
    } else {
      let cumulative = 0;
      let stop = weights.length - 1;
      for (let i = 0; i < weights.length; i++) {
        cumulative += Number(weights[i]);
        if (value < cumulative) { stop = i; break; }
      }
      stops.push(stop);
    }
  }
  return stops;
}

/** The visible window for stops: per reel strip[s .. s+rows-1] wrapping, top row first. */
export function windowOf(reels, rows, stops) {
  return reels.map((strip, r) => Array.from({ length: rows }, (_, k) => strip[(stops[r] + k) % strip.length]));
}

/**
 * RFC 8785 JSON Canonicalization Scheme: object members sorted by their names' UTF-16 code units, no whitespace,
 * strings and numbers serialised as ECMAScript's JSON.stringify does (which is what JCS specifies).
 */
export function canonicalJson(value) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('JCS: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const keys = Object.keys(value).filter(k => value[k] !== undefined).sort();
  return '{' + keys.map(k => JSON.stringify(k) + ':' + canonicalJson(value[k])).join(',') + '}';
}

/** Whether this browser's Web Crypto verifies Ed25519 (Chromium 137+, Firefox 129+, Safari 17+). */
export async function ed25519Supported() {
  try {
    await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' },
      { name: 'Ed25519' }, false, ['verify']);
    return true;
  } catch {
    return false;
  }
}

/** Imports the hub's signing key (JWK {kty:"OKP",crv:"Ed25519",x,kid}) for verify. */
export function importSigningKey(jwk) {
  return crypto.subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, { name: 'Ed25519' }, false, ['verify']);
}

/**
 * Checks a spinResult frame's signature: the frame as parsed from the wire, its "signature" member removed, JCS,
 * UTF-8, Ed25519. Returns true / false; throws when the browser lacks Ed25519.
 */
export async function verifySpinSignature(frame, key) {
  if (typeof frame.signature !== 'string') return false;
  const { signature, ...signed } = frame;
  const data = new TextEncoder().encode(canonicalJson(signed));
  return crypto.subtle.verify({ name: 'Ed25519' }, key, base64UrlToBytes(signature), data);
}

/**
 * Verifies a round from GET /fairness/rounds/{id} against the game definition: the revealed seed matches the
 * commitment, and every spin's stops are what the seeds give. Returns {verified, revealed, problems: [...], spins}.
 */
export async function verifyRound(round, definition) {
  if (!round.serverSeed) {
    return { revealed: false, verified: null, problems: ['The server seed of this round is not revealed yet: reveal it (rotate the seed) and verify again.'] };
  }
  const problems = [];
  const commitment = await commitmentOf(round.serverSeed);
  if (commitment !== round.serverSeedHash) {
    problems.push(`SHA-256 of the revealed seed is ${commitment}, not the commitment ${round.serverSeedHash}.`);
  }
  const spins = [];
  for (const spin of round.spins) {
    const stops = await recomputeStops(round.serverSeed, round.clientSeed, round.nonce, spin.index, definition.reels, definition.stopWeights);
    const same = stops.length === spin.stops.length && stops.every((s, i) => s === spin.stops[i]);
    if (!same) problems.push(`Spin ${spin.index}: the seeds give stops [${stops}], the hub played [${spin.stops}].`);
    spins.push({ index: spin.index, stops, same });
  }
  return { revealed: true, verified: problems.length === 0, problems, spins };
}
