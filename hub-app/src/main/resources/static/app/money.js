// Amounts on the wire are decimal strings in major units of an ISO 4217 currency (docs/adr/0004). In the browser
// they are parsed into BigInt minor units, never into binary floats, and formatted back with the currency's scale.

const AMOUNT = /^(\d{1,15})(?:\.(\d+))?$/;

/**
 * Minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0, KWD 3). The hub's own figures win: a decimal string the
 * hub sent (e.g. the balance "1000.00") carries the scale; otherwise the browser's CLDR data (Intl) is asked.
 */
export function scaleOf(currency, sample) {
  if (typeof sample === 'string' && /^-?\d+(\.\d+)?$/.test(sample)) {
    const dot = sample.indexOf('.');
    return dot < 0 ? 0 : sample.length - dot - 1;
  }
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  } catch {
    return 2;
  }
}

/**
 * Parses a positive amount typed by the player. Returns {ok:true, minor} (BigInt) or {ok:false, error}.
 * Refused: empty, signs, exponents, separators other than one '.', more decimals than the currency has.
 */
export function parseAmount(text, scale, label = 'Amount') {
  const t = (text ?? '').trim();
  if (t === '') return { ok: false, error: `${label} is required.` };
  const m = AMOUNT.exec(t);
  if (!m) return { ok: false, error: `${label} must be a number such as ${example(scale)}.` };
  const frac = m[2] ?? '';
  if (frac.length > scale) {
    return { ok: false, error: scale === 0 ? `${label} must be a whole number.`
      : `${label} can have at most ${scale} decimal place${scale === 1 ? '' : 's'}.` };
  }
  const minor = BigInt(m[1]) * 10n ** BigInt(scale) + BigInt((frac + '0'.repeat(scale)).slice(0, scale) || '0');
  if (minor <= 0n) return { ok: false, error: `${label} must be more than zero.` };
  return { ok: true, minor };
}

/** Minor units (BigInt or a decimal string such as "1000.00") as the hub's decimal string with the scale's digits. */
export function formatMinor(minor, scale) {
  const neg = minor < 0n;
  const abs = (neg ? -minor : minor).toString().padStart(scale + 1, '0');
  const int = abs.slice(0, abs.length - scale);
  const frac = scale > 0 ? '.' + abs.slice(abs.length - scale) : '';
  return (neg ? '-' : '') + int + frac;
}

/** A hub decimal string ("-1.50") as BigInt minor units at the given scale (trusted input from the hub). */
export function toMinor(decimal, scale) {
  const neg = decimal.startsWith('-');
  const [int, frac = ''] = (neg ? decimal.slice(1) : decimal).split('.');
  const v = BigInt(int) * 10n ** BigInt(scale) + BigInt((frac + '0'.repeat(scale)).slice(0, scale) || '0');
  return neg ? -v : v;
}

/** For display: "€1,000.00" in the browser's locale, from a hub decimal string (via BigInt, never a float sum). */
export function display(decimal, currency) {
  if (decimal == null) return '–';
  const scale = scaleOf(currency, decimal);
  const minor = toMinor(decimal, scale);
  const neg = minor < 0n;
  const abs = neg ? -minor : minor;
  const int = abs / 10n ** BigInt(scale);
  const frac = scale > 0 ? (abs % 10n ** BigInt(scale)).toString().padStart(scale, '0') : '';
  const grouped = int.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${symbol(currency)}${grouped}${frac ? '.' + frac : ''}`;
}

function symbol(currency) {
  return { EUR: '€', USD: '$', GBP: '£', JPY: '¥' }[currency] ?? (currency ? currency + ' ' : '');
}

function example(scale) {
  return scale === 0 ? '10' : '10.' + '0'.repeat(scale);
}

/**
 * Checks a bet against the game's rules before it is sent (the hub checks again): a valid amount, within
 * [minBet, maxBet], a multiple of betStep. Returns {ok:true, bet:"0.40"} or {ok:false, error}.
 */
export function validateBet(text, rules) {
  const scale = scaleOf(rules.currency, rules.minBet);
  const p = parseAmount(text, scale, 'Bet');
  if (!p.ok) return p;
  const min = toMinor(rules.minBet, scale);
  const max = toMinor(rules.maxBet, scale);
  const step = rules.betStep ? toMinor(rules.betStep, scale) : 1n;
  if (p.minor < min) return { ok: false, error: `The minimum bet is ${rules.minBet} ${rules.currency}.` };
  if (p.minor > max) return { ok: false, error: `The maximum bet is ${rules.maxBet} ${rules.currency}.` };
  if (step > 0n && p.minor % step !== 0n) {
    return { ok: false, error: `The bet must be a multiple of ${rules.betStep} ${rules.currency}.` };
  }
  return { ok: true, bet: formatMinor(p.minor, scale), minor: p.minor };
}

/** The next bet up or down by one step, kept within the limits (for the +/− buttons). */
export function stepBet(text, rules, direction) {
  const scale = scaleOf(rules.currency, rules.minBet);
  const min = toMinor(rules.minBet, scale);
  const max = toMinor(rules.maxBet, scale);
  const step = rules.betStep ? toMinor(rules.betStep, scale) : 1n;
  const p = parseAmount(text, scale);
  let v = p.ok ? p.minor : min;
  v = v - (v % step);
  v += direction > 0 ? step : -step;
  if (v < min) v = min + ((step - (min % step)) % step);
  if (v > max) v = max - (max % step);
  return formatMinor(v, scale);
}

/** Checks a cashier amount: positive, the currency's decimals, and at most {@code max} (a hub decimal) when given. */
export function validateCashAmount(text, currency, scaleSample, max) {
  const scale = scaleOf(currency, scaleSample);
  const p = parseAmount(text, scale);
  if (!p.ok) return p;
  if (max != null && p.minor > toMinor(max, scale)) {
    return { ok: false, error: `The amount is more than your balance (${max} ${currency}).` };
  }
  return { ok: true, amount: formatMinor(p.minor, scale) };
}
