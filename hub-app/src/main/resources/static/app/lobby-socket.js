// The lobby WebSocket (docs/asyncapi.yaml): spins, balance answers and balance pushes. After a drop it reconnects
// with exponential backoff and jitter, each time with a fresh single-use token from POST /auth/ws-token, then
// re-reads the balance. A spin whose answer was lost is asked for again with the SAME requestId: the hub answers a
// repeated requestId with the stored result of the spin it already played (or plays it once if it never arrived),
// so a spin is never played twice and never sent under a new id.

import { applyBalance, setRound } from './store.js';

const BACKOFF_START_MS = 250;
const BACKOFF_MAX_MS = 15000;
/** A spin unanswered this long on an open socket is treated as a lost connection (reconnect, ask again). */
const SPIN_ANSWER_TIMEOUT_MS = 20000;

export class LobbySocket {
  constructor(store, api, { onSpinResult, onError, onLoggedOut } = {}) {
    this.store = store;
    this.api = api;
    this.onSpinResult = onSpinResult ?? (() => {});
    this.onError = onError ?? (() => {});
    this.onLoggedOut = onLoggedOut ?? (() => {});
    this.ws = null;
    this.stopped = true;
    this.attempt = 0;
    this.timer = null;
    this.waiters = new Map();     // requestId -> {resolve, reject}
    this.framesSent = [];         // every frame sent, newest last (bounded; for the test hook and debugging)
    this.dropAfterNextSpin = false;
  }

  /** Opens the lobby with the login's wsToken. */
  start(wsToken) {
    this.stopped = false;
    this.attempt = 0;
    this.connect(wsToken);
  }

  /** Closes for good (log out). */
  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.ws) this.ws.close(1000, 'logout');
    this.ws = null;
    for (const w of this.waiters.values()) w.reject(new Error('logged out'));
    this.waiters.clear();
    this.store.update({ connection: 'offline' });
  }

  get open() {
    return this.ws !== null && this.ws.readyState === WebSocket.OPEN;
  }

  connect(token) {
    const proto = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${proto}://${location.host}/ws/lobby?token=${encodeURIComponent(token)}`);
    this.ws = ws;
    this.store.update(s => ({ connection: s.connects > 0 ? 'reconnecting' : 'connecting' }));
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.attempt = 0;
      this.store.update(s => ({ connection: 'open', connects: s.connects + 1 }));
      this.send({ action: 'balance', requestId: `bal-${crypto.randomUUID()}` });
      const pending = this.store.get().round.pending;
      if (pending) this.send(spinFrame(pending)); // same requestId: the hub replays, never plays twice
    };
    ws.onmessage = ev => this.receive(ev.data);
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.stopped) return;
      this.store.update({ connection: 'reconnecting' });
      this.scheduleReconnect();
    };
    ws.onerror = () => { /* onclose follows */ };
  }

  scheduleReconnect() {
    clearTimeout(this.timer);
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** this.attempt);
    const delay = Math.round(base / 2 + Math.random() * base / 2);
    this.attempt += 1;
    this.timer = setTimeout(async () => {
      if (this.stopped) return;
      try {
        const { wsToken } = await this.api.wsToken();
        if (!this.stopped) this.connect(wsToken);
      } catch (e) {
        if (e.status === 401 || e.status === 403) {
          this.onLoggedOut(e);
          return;
        }
        this.scheduleReconnect();
      }
    }, delay);
  }

  send(frame) {
    if (!this.open) return false;
    const text = JSON.stringify(frame);
    this.ws.send(text);
    this.framesSent.push(frame);
    if (this.framesSent.length > 200) this.framesSent.shift();
    return true;
  }

  /**
   * Sends one spin (bet: a validated decimal string). Resolves with the spinResult frame, rejects with the hub's
   * error frame ({code, message}). Only one spin is in flight at a time.
   */
  spin(gameId, bet) {
    if (this.store.get().round.pending) return Promise.reject({ code: 'SPIN_IN_PROGRESS', message: 'The last spin is still being played.' });
    if (!this.open) return Promise.reject({ code: 'OFFLINE', message: 'Not connected to the lobby; reconnecting…' });
    const pending = { requestId: `spin-${crypto.randomUUID()}`, gameId, bet };
    setRound(this.store, { pending, error: null });
    const answer = new Promise((resolve, reject) => this.waiters.set(pending.requestId, { resolve, reject }));
    this.send(spinFrame(pending));
    clearTimeout(this.spinTimer);
    this.spinTimer = setTimeout(() => {
      const still = this.store.get().round.pending;
      if (still && still.requestId === pending.requestId && this.ws) this.ws.close(4001, 'no answer to a spin');
    }, SPIN_ANSWER_TIMEOUT_MS);
    if (this.dropAfterNextSpin) { // test hook: the connection dies after the frame left, before its answer
      this.dropAfterNextSpin = false;
      this.ws.close(4000, 'simulated drop');
    }
    return answer;
  }

  receive(text) {
    let f;
    try { f = JSON.parse(text); } catch { return; }
    if (f.type === 'balance') {
      applyBalance(this.store, f);
    } else if (f.type === 'spinResult') {
      const pending = this.store.get().round.pending;
      applyBalance(this.store, f);
      if (pending && pending.requestId === f.requestId) {
        setRound(this.store, { pending: null, last: f, lastRaw: text, error: null });
      }
      this.onSpinResult(f, text);
      this.settle(f.requestId, f, null);
    } else if (f.type === 'error') {
      const pending = this.store.get().round.pending;
      if (pending && f.requestId === pending.requestId) {
        setRound(this.store, { pending: null, error: { code: f.code, message: f.message } });
      }
      this.onError(f);
      this.settle(f.requestId, null, f);
    }
  }

  settle(requestId, value, error) {
    if (!this.store.get().round.pending) clearTimeout(this.spinTimer);
    const w = requestId && this.waiters.get(requestId);
    if (!w) return;
    this.waiters.delete(requestId);
    if (error) w.reject(error); else w.resolve(value);
  }
}

function spinFrame(p) {
  return { action: 'spin', gameId: p.gameId, bet: p.bet, requestId: p.requestId };
}
