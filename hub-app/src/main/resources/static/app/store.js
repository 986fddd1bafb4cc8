// The one state store: session, balance, connection and the current round. Views subscribe and re-render from it;
// nothing else holds a copy of these values.

export const initialState = Object.freeze({
  session: null,            // {accessToken, username, expiresAt (ms)}
  balance: null,            // {balance: "1000.00", currency: "EUR", balanceVersion: 7}
  connection: 'offline',    // offline | connecting | open | reconnecting
  connects: 0,              // WebSocket connections opened in this session (test and status aid)
  round: {
    pending: null,          // {requestId, gameId, bet} while a spin's answer is outstanding
    last: null,             // the last spinResult frame (as received)
    error: null,            // {code, message} of the last refused spin
  },
  notice: null,             // {text, kind} shown in the banner
});

export function createStore(initial = initialState) {
  let state = initial;
  const listeners = new Set();
  return {
    get: () => state,
    /** Replaces the top-level fields returned by {@code change(state)} and notifies the listeners once. */
    update(change) {
      const patch = typeof change === 'function' ? change(state) : change;
      if (!patch) return;
      state = Object.freeze({ ...state, ...patch });
      for (const l of listeners) l(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Takes a balance from any source (spin answer, push, balance answer, REST) only if it is newer than the one shown:
 * {@code balanceVersion} grows with every change of the cash account, so a late frame never shows an older balance.
 */
export function applyBalance(store, b) {
  if (!b || b.balance == null) return;
  store.update(s => {
    const current = s.balance;
    if (current && current.balanceVersion != null && b.balanceVersion != null && b.balanceVersion <= current.balanceVersion) {
      return null;
    }
    return { balance: { balance: b.balance, currency: b.currency, balanceVersion: b.balanceVersion ?? null } };
  });
}

export function setRound(store, patch) {
  store.update(s => ({ round: { ...s.round, ...patch } }));
}
