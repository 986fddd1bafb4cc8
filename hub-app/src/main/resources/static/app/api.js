// The HTTP client: JSON in and out, the player's bearer token, the hub's {"error","message"} bodies turned into
// ApiError, and an Idempotency-Key header on every mutating call that needs one.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
  }
}

/** A fresh Idempotency-Key (UUID v4 from the browser's CSPRNG) for one attempt of one operation. */
export function newIdempotencyKey() {
  return crypto.randomUUID();
}

export function createApi(store, onUnauthorized) {
  async function request(method, path, { body, idempotencyKey, auth = true } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const session = store.get().session;
    if (auth) {
      if (!session) throw new ApiError(401, 'UNAUTHORIZED', 'Please log in.');
      headers.Authorization = `Bearer ${session.accessToken}`;
    }
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    let res;
    try {
      res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, 'NETWORK', 'The hub cannot be reached; check your connection and try again.');
    }
    const text = await res.text();
    let json = null;
    if (text) {
      try { json = JSON.parse(text); } catch { json = null; }
    }
    if (!res.ok) {
      const code = json?.error ?? `HTTP_${res.status}`;
      const message = json?.message ?? res.statusText;
      if (res.status === 401 && auth && onUnauthorized) onUnauthorized();
      throw new ApiError(res.status, code, message);
    }
    return json;
  }

  return {
    request,
    login: (username, password) => request('POST', '/auth/login', { body: { username, password }, auth: false }),
    wsToken: () => request('POST', '/auth/ws-token'),
    games: () => request('GET', '/games/list'),
    definition: gameId => request('GET', `/games/${encodeURIComponent(gameId)}/definition`),
    balance: () => request('GET', '/wallet/balance'),
    transactions: (page, size) => request('GET', `/wallet/transactions?page=${page}&size=${size}`),
    launch: (gameId, mode, key) => request('POST', `/games/${encodeURIComponent(gameId)}/launch`, { body: { mode }, idempotencyKey: key }),
    kyc: () => request('GET', '/kyc'),
    deposit: (amount, currency, key) => request('POST', '/payments/deposits', { body: { amount, currency }, idempotencyKey: key }),
    depositStatus: id => request('GET', `/payments/deposits/${encodeURIComponent(id)}`),
    withdraw: (amount, currency, key) => request('POST', '/payments/withdrawals', { body: { amount, currency }, idempotencyKey: key }),
    withdrawalStatus: id => request('GET', `/payments/withdrawals/${encodeURIComponent(id)}`),
    payments: (page, size) => request('GET', `/payments?page=${page}&size=${size}`),
    fairness: () => request('GET', '/fairness'),
    setClientSeed: (clientSeed, key) => request('PUT', '/fairness/client-seed', { body: { clientSeed }, idempotencyKey: key }),
    rotateSeed: key => request('POST', '/fairness/rotate', { idempotencyKey: key }),
    fairnessRound: roundId => request('GET', `/fairness/rounds/${encodeURIComponent(roundId)}`),
    signingKey: () => request('GET', '/fairness/signing-key', { auth: false }),
  };
}
