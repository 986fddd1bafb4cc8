// The player's page: login, lobby, in-house slot, external launch, history, cashier and fairness panel.
// Plain ES modules, no build step (docs/adr/0007-browser-client.md). All state lives in ./store.js.

import { createStore, applyBalance, setRound, initialState } from './store.js';
import { createApi, newIdempotencyKey } from './api.js';
import { LobbySocket } from './lobby-socket.js';
import { display, validateBet, stepBet, validateCashAmount, scaleOf } from './money.js';
import * as fair from './fairness.js';

const $ = sel => document.querySelector(sel);
const store = createStore(initialState);
const api = createApi(store, () => logout('Your session has expired; please log in again.'));
const socket = new LobbySocket(store, api, {
  onSpinResult: (f, raw) => showSpinResult(f, raw),
  onError: f => showSpinError(f),
  onLoggedOut: () => logout('Your session has ended; please log in again.'),
});

// ---------------------------------------------------------------- rendering from the store

store.subscribe(render);

function render(s) {
  const loggedIn = s.session !== null;
  $('#session-bar').hidden = !loggedIn;
  $('#nav').hidden = !loggedIn;
  $('#user-name').textContent = loggedIn ? s.session.username : '';
  const out = $('#balance');
  if (s.balance) {
    out.textContent = display(s.balance.balance, s.balance.currency);
    out.dataset.amount = s.balance.balance;
    out.dataset.currency = s.balance.currency;
    out.dataset.version = String(s.balance.balanceVersion ?? -1);
  } else {
    out.textContent = '–';
    out.dataset.amount = '';
  }
  const conn = $('#connection');
  conn.dataset.state = s.connection;
  conn.textContent = { offline: 'offline', connecting: 'connecting…', open: 'live', reconnecting: 'reconnecting…' }[s.connection];
  const spinBtn = $('#spin');
  spinBtn.disabled = s.round.pending !== null || s.connection !== 'open';
  spinBtn.textContent = s.round.pending ? 'Spinning…' : 'Spin';
  const n = $('#notice');
  n.hidden = !s.notice;
  n.textContent = s.notice ? s.notice.text : '';
  n.dataset.kind = s.notice ? s.notice.kind : '';
}

function notice(text, kind = 'info') {
  store.update({ notice: text ? { text, kind } : null });
}

function showError(el, message) {
  const e = typeof el === 'string' ? $(el) : el;
  e.textContent = message ?? '';
  e.hidden = !message;
}

// ---------------------------------------------------------------- navigation

const VIEWS = ['login', 'lobby', 'slot', 'history', 'cashier', 'fairness'];

function showView(name) {
  for (const v of VIEWS) $(`#view-${v}`).hidden = v !== name;
  for (const b of document.querySelectorAll('#nav button')) {
    if (b.dataset.view === name || (name === 'slot' && b.dataset.view === 'lobby')) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
  }
  document.body.dataset.view = name;
}

async function route() {
  if (!store.get().session) {
    showView('login');
    return;
  }
  const [name, arg] = location.hash.replace(/^#/, '').split('/');
  notice(null);
  switch (name) {
    case 'slot': showView('slot'); await enterSlot(decodeURIComponent(arg ?? '')); break;
    case 'history': showView('history'); await loadHistory(0); break;
    case 'cashier': showView('cashier'); await enterCashier(); break;
    case 'fairness': showView('fairness'); await enterFairness(arg); break;
    default: showView('lobby'); await loadGames();
  }
}

window.addEventListener('hashchange', () => route().catch(reportError));
for (const b of document.querySelectorAll('#nav button')) {
  b.addEventListener('click', () => { location.hash = b.dataset.view; });
}

function reportError(e) {
  if (e && e.status === 401) return; // handled by logout
  notice(e?.message ?? String(e), 'error');
}

// ---------------------------------------------------------------- login / logout

$('#login-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  const username = $('#login-username').value.trim();
  const password = $('#login-password').value;
  if (!username || !password) {
    showError('#login-error', 'Enter your username and password.');
    (username ? $('#login-password') : $('#login-username')).focus();
    return;
  }
  showError('#login-error', null);
  const btn = $('#login-submit');
  btn.disabled = true;
  try {
    const t = await api.login(username, password);
    store.update({ session: { accessToken: t.accessToken, username, expiresAt: Date.now() + t.expiresIn * 1000 }, notice: null });
    $('#login-password').value = '';
    try {
      applyBalance(store, await api.balance());
    } catch (e) {
      if (e.code === 'UNKNOWN_PLAYER') {
        logout('This page is for players; this account has no wallet.');
        return;
      }
      throw e;
    }
    socket.start(t.wsToken);
    if (!location.hash || location.hash === '#login') location.hash = 'lobby';
    else await route();
  } catch (e) {
    showError('#login-error', e.code === 'INVALID_CREDENTIALS' ? 'Wrong username or password.'
      : e.code === 'RATE_LIMITED' ? 'Too many attempts; wait a minute and try again.' : e.message);
  } finally {
    btn.disabled = false;
  }
});

$('#logout').addEventListener('click', () => logout(null));

function logout(message) {
  socket.stop();
  store.update({ ...initialState, notice: message ? { text: message, kind: 'error' } : null });
  showView('login');
  $('#login-username').focus();
}

// ---------------------------------------------------------------- lobby

let games = [];

async function loadGames() {
  games = await api.games();
  const providers = [...new Set(games.map(g => g.provider))].sort();
  const types = [...new Set(games.map(g => g.type))].sort();
  fillSelect($('#filter-provider'), 'All providers', providers);
  fillSelect($('#filter-type'), 'All types', types);
  renderGames();
}

function fillSelect(sel, allLabel, values) {
  const keep = sel.value;
  sel.replaceChildren(new Option(allLabel, ''), ...values.map(v => new Option(v, v)));
  sel.value = values.includes(keep) ? keep : '';
}

$('#filter-provider').addEventListener('change', renderGames);
$('#filter-type').addEventListener('change', renderGames);

function percent(rtp) {
  if (rtp == null) return '–';
  const [i, f = ''] = String(rtp).split('.');
  const digits = (i + (f + '00').slice(0, 2)).replace(/^0+(?=\d)/, '');
  const rest = f.slice(2).replace(/0+$/, '');
  return `${digits}${rest ? '.' + rest : ''}%`;
}

function renderGames() {
  const provider = $('#filter-provider').value;
  const type = $('#filter-type').value;
  const shown = games.filter(g => (!provider || g.provider === provider) && (!type || g.type === type));
  $('#games-count').textContent = `${shown.length} of ${games.length} games`;
  $('#games').replaceChildren(...shown.map(gameCard));
}

function gameCard(g) {
  const li = document.createElement('li');
  li.className = 'game card' + (g.available ? '' : ' unavailable');
  li.dataset.gameId = g.gameId;
  li.dataset.provider = g.provider;
  li.dataset.available = String(g.available);
  const h = document.createElement('h3');
  h.textContent = g.name;
  li.append(h);
  const dl = document.createElement('dl');
  for (const [k, v] of [['Provider', g.provider], ['Type', g.type], ['RTP', percent(g.rtp)], ['Volatility', g.volatility ?? '–'],
    ['Bets', `${display(g.minBet, g.currency)} – ${display(g.maxBet, g.currency)}`]]) {
    const dt = document.createElement('dt'); dt.textContent = k;
    const dd = document.createElement('dd'); dd.textContent = v; dd.className = k.toLowerCase();
    dl.append(dt, dd);
  }
  li.append(dl);
  if (!g.available) {
    const badge = document.createElement('p');
    badge.className = 'badge';
    badge.textContent = 'Unavailable: this provider is down or disabled';
    li.append(badge);
  }
  const actions = document.createElement('div');
  actions.className = 'actions';
  if (g.provider === 'hub') {
    actions.append(button('Play', `Play ${g.name}`, () => { location.hash = `slot/${encodeURIComponent(g.gameId)}`; }, !g.available, 'play'));
  } else {
    actions.append(button('Play', `Play ${g.name} for real money`, () => launch(g, 'real'), !g.available, 'play'));
    if (g.demo !== false) actions.append(button('Demo', `Play ${g.name} in demo mode`, () => launch(g, 'demo'), !g.available, 'demo'));
  }
  li.append(actions);
  return li;
}

function button(text, label, onClick, disabled, cls) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.className = cls;
  b.disabled = !!disabled;
  b.addEventListener('click', onClick);
  return b;
}

const launchesInFlight = new Set();

async function launch(g, mode) {
  const flightKey = `${g.gameId}:${mode}`;
  if (launchesInFlight.has(flightKey)) return; // a double click launches once
  launchesInFlight.add(flightKey);
  const panel = $('#launch-panel');
  panel.hidden = false;
  $('#launch-status').textContent = `Starting ${g.name} (${mode})…`;
  $('#launch-link').hidden = true;
  try {
    const r = await api.launch(g.gameId, mode, newIdempotencyKey());
    if (!isWebUrl(r.url)) throw new Error('the provider sent an address that is not http(s)');
    $('#launch-status').textContent = `${g.name} is ready (${r.mode}).`;
    const link = $('#launch-link');
    link.href = r.url;
    link.hidden = false;
    panel.dataset.sessionToken = r.sessionToken ?? '';
    window.open(r.url, '_blank', 'noopener');
  } catch (e) {
    $('#launch-status').textContent = e.status === 404 ? 'Launching external games is not available on this hub.'
      : `Could not start ${g.name}: ${e.message}`;
  } finally {
    launchesInFlight.delete(flightKey);
  }
}

/** Only http(s) addresses are opened or linked (never javascript: or data: from a provider or gateway). */
function isWebUrl(url) {
  try {
    return ['http:', 'https:'].includes(new URL(url, location.href).protocol);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- in-house slot

const definitions = new Map();
let slot = null; // {def, rules}

async function definitionOf(gameId) {
  if (!definitions.has(gameId)) definitions.set(gameId, await api.definition(gameId));
  return definitions.get(gameId);
}

async function enterSlot(gameId) {
  const def = await definitionOf(gameId);
  const rules = { minBet: def.minBet, maxBet: def.maxBet, betStep: def.betStep, currency: def.currency };
  slot = { def, rules };
  $('#slot-title').textContent = def.name;
  $('#slot-info').textContent = `RTP ${percent(def.rtp)} · ${def.volatility} volatility · ${def.reels.length} reels × ${def.rows} row${def.rows > 1 ? 's' : ''}`
    + (def.freeSpins ? ` · ${def.freeSpins.minCount}+ ${def.freeSpins.symbol} award ${def.freeSpins.spins} free spins at ×${def.freeSpins.multiplier}` : '');
  $('#bet-currency').textContent = `(${def.currency})`;
  $('#bet-help').textContent = `From ${def.minBet} to ${def.maxBet} ${def.currency}, in steps of ${def.betStep}.`;
  const bet = $('#bet');
  if (!bet.value || bet.dataset.game !== gameId) bet.value = def.minBet;
  bet.dataset.game = gameId;
  showError('#bet-error', null);
  $('#win').textContent = '';
  $('#win').dataset.payout = '';
  $('#free-spins').hidden = true;
  $('#signature').textContent = '';
  drawReels(fair.windowOf(def.reels, def.rows, def.reels.map(() => 0)));
}

const SYMBOL_HUES = [0, 210, 120, 40, 280, 180, 330, 90, 20, 250, 150, 60];

function drawReels(window) {
  const def = slot.def;
  const box = $('#reels');
  box.style.setProperty('--reels', String(window.length));
  box.setAttribute('aria-label', 'Reels: ' + window.map((reel, i) => `reel ${i + 1}: ${reel.join(', ')}`).join('; '));
  box.replaceChildren(...window.map(reel => {
    const col = document.createElement('div');
    col.className = 'reel';
    for (const sym of reel) {
      const cell = document.createElement('div');
      cell.className = 'symbol';
      cell.textContent = sym;
      cell.style.setProperty('--hue', String(SYMBOL_HUES[def.symbols.indexOf(sym) % SYMBOL_HUES.length] ?? 0));
      col.append(cell);
    }
    return col;
  }));
}

$('#slot-back').addEventListener('click', () => { location.hash = 'lobby'; });
$('#bet-up').addEventListener('click', () => { if (slot) $('#bet').value = stepBet($('#bet').value, slot.rules, +1); });
$('#bet-down').addEventListener('click', () => { if (slot) $('#bet').value = stepBet($('#bet').value, slot.rules, -1); });
$('#bet').addEventListener('input', () => showError('#bet-error', null));

$('#spin-form').addEventListener('submit', ev => {
  ev.preventDefault();
  if (!slot) return;
  const v = validateBet($('#bet').value, slot.rules);
  if (!v.ok) {
    showError('#bet-error', v.error);
    $('#bet').setAttribute('aria-invalid', 'true');
    $('#bet').focus();
    return;
  }
  $('#bet').removeAttribute('aria-invalid');
  showError('#bet-error', null);
  $('#bet').value = v.bet;
  $('#win').textContent = 'Spinning…';
  $('#win').className = 'win';
  socket.spin(slot.def.gameId, v.bet).catch(e => showSpinError(e));
});

function showSpinError(e) {
  const messages = {
    INSUFFICIENT_FUNDS: 'Not enough money for this bet.',
    RATE_LIMITED: 'Too many spins; slow down a little.',
  };
  showError('#bet-error', messages[e.code] ?? e.message ?? e.code);
  $('#win').textContent = '';
}

async function showSpinResult(f, raw) {
  if (!slot || f.gameId !== slot.def.gameId) return;
  drawReels(f.result);
  const won = f.payout !== undefined && !/^0+(\.0+)?$/.test(f.payout);
  const w = $('#win');
  w.className = won ? 'win won' : 'win';
  w.dataset.payout = f.payout;
  w.dataset.requestId = f.requestId;
  w.textContent = won ? `You win ${display(f.payout, f.currency)}!` : `No win this time (bet ${display(f.bet, f.currency)}).`;
  $('#last-round').textContent = f.roundId ? `Round ${f.roundId}` : '';
  $('#last-round').dataset.roundId = f.roundId ?? '';
  showFreeSpins(f);
  checkSignature(f, raw);
}

/** Free spins: the trigger is visible in the window; their detail comes from the fairness round when available. */
async function showFreeSpins(f) {
  const box = $('#free-spins');
  const fs = slot.def.freeSpins;
  const count = fs ? f.result.flat().filter(s => s === fs.symbol).length : 0;
  if (!fs || count < fs.minCount) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  box.replaceChildren(Object.assign(document.createElement('p'), {
    textContent: `Free spins! ${count} × ${fs.symbol} award ${fs.spins} free spins at ×${fs.multiplier}; their wins are included above.`,
  }));
  try {
    const round = await api.fairnessRound(f.roundId);
    const list = document.createElement('ol');
    list.className = 'free-spin-list';
    for (const spin of round.spins.filter(s => s.index > 0)) {
      const li = document.createElement('li');
      const win = window2text(fair.windowOf(slot.def.reels, slot.def.rows, spin.stops));
      li.textContent = `Free spin ${spin.index}: ${win} — win ${display(minorToDecimal(spin.winMinor, f.currency, f.payout), f.currency)}`;
      list.append(li);
    }
    box.append(list);
  } catch {
    // the round detail endpoint is optional; the trigger and the total are already shown
  }
}

function window2text(w) {
  return w.map(reel => reel.join('/')).join(' | ');
}

function minorToDecimal(minor, currency, sample) {
  const scale = scaleOf(currency, sample);
  const s = String(minor).padStart(scale + 1, '0');
  return scale ? `${s.slice(0, -scale)}.${s.slice(-scale)}` : s;
}

let signingKey = null;

async function checkSignature(f, raw) {
  const el = $('#signature');
  if (typeof f.signature !== 'string') {
    el.textContent = '';
    el.dataset.signature = 'absent';
    return;
  }
  try {
    if (!(await fair.ed25519Supported())) {
      el.textContent = 'This browser cannot check Ed25519 signatures.';
      el.dataset.signature = 'unsupported';
      return;
    }
    if (!signingKey) signingKey = await fair.importSigningKey(await api.signingKey());
    const ok = await fair.verifySpinSignature(JSON.parse(raw), signingKey);
    el.textContent = ok ? `Signed by the hub ✓ (key ${f.kid ?? '?'})` : 'Signature check FAILED: this result was not signed by the hub.';
    el.dataset.signature = ok ? 'valid' : 'invalid';
  } catch (e) {
    el.textContent = `Signature not checked: ${e.message}`;
    el.dataset.signature = 'error';
  }
}

// ---------------------------------------------------------------- history

const HISTORY_SIZE = 10;
let historyPage = 0;

const REASONS = {
  BET_RESERVED: 'Bet', SPIN_SETTLED: 'Spin result', BET_HOLD_VOIDED: 'Bet returned', ADJUSTMENT: 'Adjustment',
  DEPOSIT: 'Deposit', WITHDRAWAL: 'Withdrawal',
};

async function loadHistory(page) {
  const r = await api.transactions(page, HISTORY_SIZE);
  historyPage = page;
  $('#history tbody').replaceChildren(...r.items.map(t => {
    const tr = document.createElement('tr');
    tr.dataset.transactionId = t.transactionId;
    const cells = [new Date(t.createdAt).toLocaleString(), REASONS[t.reason] ?? t.reason, t.gameId ?? '', display(t.cashChange, t.currency)];
    cells.forEach((c, i) => {
      const td = document.createElement('td');
      td.textContent = c;
      if (i === 3) { td.className = 'num'; td.dataset.amount = t.cashChange; }
      tr.append(td);
    });
    return tr;
  }));
  if (r.items.length === 0) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = 4;
    td.textContent = 'No transactions yet.';
    tr.append(td);
    $('#history tbody').append(tr);
  }
  $('#history-page').textContent = `Page ${page + 1}`;
  $('#history-prev').disabled = page === 0;
  $('#history-next').disabled = !r.hasMore;
}

$('#history-prev').addEventListener('click', () => loadHistory(Math.max(0, historyPage - 1)).catch(reportError));
$('#history-next').addEventListener('click', () => loadHistory(historyPage + 1).catch(reportError));

// ---------------------------------------------------------------- cashier

const FINAL = new Set(['SUCCEEDED', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DISPUTED', 'CHARGED_BACK', 'REVERSED', 'PAID', 'RETURNED', 'REJECTED', 'CANCELED']);
const KYC_TEXT = {
  NOT_STARTED: 'not started', PENDING: 'pending', APPROVED: 'approved', RETRY_REQUIRED: 'please submit your documents again',
  REJECTED: 'rejected', IN_REVIEW: 'in review',
};

async function enterCashier() {
  const cur = store.get().balance?.currency ?? '';
  for (const el of document.querySelectorAll('#view-cashier .cur')) el.textContent = cur ? `(${cur})` : '';
  try {
    const k = await api.kyc();
    $('#kyc-status').textContent = KYC_TEXT[k.status] ?? k.status;
    $('#kyc-status').dataset.status = k.status;
  } catch (e) {
    $('#kyc-status').textContent = e.status === 404 ? 'not available on this hub yet' : `unknown (${e.message})`;
    $('#kyc-status').dataset.status = 'UNAVAILABLE';
  }
  await loadPayments();
}

async function loadPayments() {
  try {
    const r = await api.payments(0, 20);
    $('#payments tbody').replaceChildren(...r.items.map(p => {
      const tr = document.createElement('tr');
      tr.dataset.id = p.id;
      for (const c of [new Date(p.createdAt).toLocaleString(), p.kind === 'DEPOSIT' ? 'Deposit' : 'Withdrawal', p.status,
        display(p.amount, p.currency)]) {
        const td = document.createElement('td');
        td.textContent = c;
        tr.append(td);
      }
      tr.lastChild.className = 'num';
      return tr;
    }));
  } catch (e) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = 4;
    td.textContent = e.status === 404 ? 'Payments are not available on this hub yet.' : `Could not load payments: ${e.message}`;
    tr.append(td);
    $('#payments tbody').replaceChildren(tr);
  }
}

/**
 * One cashier form. Each attempt gets a fresh Idempotency-Key, kept until the hub gives a definite answer: a
 * double click (or a retry after a network error) reuses the attempt's key, so the hub pays at most once.
 */
function cashierForm(kind, submit, pollStatus, idField) {
  const form = $(`#${kind}-form`);
  const input = $(`#${kind}-amount`);
  const btn = $(`#${kind}-submit`);
  const status = $(`#${kind}-status`);
  let attempt = null;   // {key, amount}
  let inFlight = false;
  input.addEventListener('input', () => showError(`#${kind}-error`, null));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    if (inFlight) return;
    const b = store.get().balance;
    if (!b) return;
    const v = validateCashAmount(input.value, b.currency, b.balance, kind === 'withdraw' ? b.balance : null);
    if (!v.ok) {
      showError(`#${kind}-error`, v.error);
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    if (!attempt || attempt.amount !== v.amount) attempt = { key: newIdempotencyKey(), amount: v.amount };
    inFlight = true;
    btn.disabled = true;
    status.textContent = 'Sending…';
    status.dataset.status = 'SENDING';
    try {
      const r = await submit(v.amount, b.currency, attempt.key);
      attempt = null; // a definite answer: the next submit is a new attempt with a new key
      input.value = '';
      await follow(r[idField], r.status, r.redirectUrl);
    } catch (e) {
      if (e.status >= 400 && e.status < 500 && e.status !== 409) attempt = null;
      status.textContent = e.status === 404 ? 'The cashier is not available on this hub yet.' : `Refused: ${e.message}`;
      status.dataset.status = 'ERROR';
    } finally {
      inFlight = false;
      btn.disabled = false;
    }
  });

  async function follow(id, first, redirectUrl) {
    let s = first;
    show(s, redirectUrl);
    for (let i = 0; i < 30 && !FINAL.has(s); i++) {
      await new Promise(r => setTimeout(r, 500));
      s = (await pollStatus(id)).status;
      show(s, redirectUrl);
    }
    await loadPayments();
  }

  function show(s, redirectUrl) {
    status.dataset.status = s;
    status.textContent = `${kind === 'deposit' ? 'Deposit' : 'Withdrawal'}: ${s.toLowerCase().replace(/_/g, ' ')}`;
    if (redirectUrl && isWebUrl(redirectUrl) && !FINAL.has(s)) {
      const a = document.createElement('a');
      a.href = redirectUrl;
      a.target = '_blank';
      a.rel = 'noopener';
      a.textContent = ' (complete the payment at the gateway)';
      status.append(a);
    }
  }
}

cashierForm('deposit', api.deposit, api.depositStatus, 'depositId');
cashierForm('withdraw', api.withdraw, api.withdrawalStatus, 'withdrawalId');

// ---------------------------------------------------------------- fairness

async function enterFairness(roundId) {
  if (roundId) $('#verify-round').value = decodeURIComponent(roundId);
  else if (!$('#verify-round').value && store.get().round.last?.roundId) $('#verify-round').value = store.get().round.last.roundId;
  try {
    showFairness(await api.fairness());
    $('#fairness-unavailable').hidden = true;
  } catch (e) {
    $('#fairness-unavailable').hidden = false;
    $('#fairness-unavailable').textContent = e.status === 404 ? 'Provably fair play is not enabled on this hub yet.' : e.message;
  }
}

function showFairness(f) {
  $('#fair-commitment').textContent = f.serverSeedHash;
  $('#fair-client-seed').textContent = f.clientSeed;
  $('#fair-nonce').textContent = String(f.nonce);
}

$('#seed-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  const seed = $('#client-seed').value;
  if (!/^[\x20-\x7e]{1,64}$/.test(seed)) {
    showError('#seed-error', 'The client seed must be 1 to 64 printable ASCII characters (letters, digits, punctuation).');
    $('#client-seed').focus();
    return;
  }
  showError('#seed-error', null);
  try {
    showFairness(await api.setClientSeed(seed, newIdempotencyKey()));
    $('#client-seed').value = '';
  } catch (e) {
    showError('#seed-error', e.message);
  }
});

$('#rotate').addEventListener('click', async () => {
  try {
    const r = await api.rotateSeed(newIdempotencyKey());
    showFairness(r.current);
    const ok = (await fair.commitmentOf(r.revealed.serverSeed)) === r.revealed.serverSeedHash;
    const out = $('#rotate-result');
    out.textContent = `Revealed server seed ${r.revealed.serverSeed} (nonces up to ${r.revealed.lastNonce}): `
      + (ok ? 'it matches its commitment ✓' : 'it does NOT match its commitment ✗');
    out.dataset.matches = String(ok);
  } catch (e) {
    $('#rotate-result').textContent = `Could not rotate: ${e.message}`;
  }
});

$('#verify-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  const id = $('#verify-round').value.trim();
  const out = $('#verify-result');
  out.replaceChildren();
  delete out.dataset.verified;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    showError('#verify-error', 'Enter a round id such as 0190f0c2-8f3a-7c4e-9b1a-2d3e4f5a6b7c.');
    $('#verify-round').focus();
    return;
  }
  showError('#verify-error', null);
  try {
    const round = await api.fairnessRound(id);
    const def = await definitionOf(round.gameId);
    const v = await fair.verifyRound(round, def);
    out.dataset.verified = String(v.verified);
    const p = document.createElement('p');
    p.textContent = v.verified === true
      ? `Verified ✓: the revealed seed matches its commitment and the stops of all ${v.spins.length} spin(s) are what the seeds give.`
      : v.verified === null ? v.problems[0] : 'NOT verified ✗';
    out.append(p);
    if (v.verified === false) {
      const ul = document.createElement('ul');
      for (const prob of v.problems) ul.append(Object.assign(document.createElement('li'), { textContent: prob }));
      out.append(ul);
    }
  } catch (e) {
    showError('#verify-error', e.status === 404 ? 'No such round of yours, or fairness is not enabled on this hub.' : e.message);
  }
});

// ---------------------------------------------------------------- test and debugging hook

/**
 * window.__hub: read-only views of the state plus two fault injections used by the browser tests (the page's own
 * JavaScript could do the same, so this exposes nothing a script on the page could not already do).
 */
window.__hub = Object.freeze({
  state: () => store.get(),
  framesSent: () => socket.framesSent.slice(),
  /** Closes the lobby socket as a network failure would (the page reconnects by itself). */
  dropConnection: () => { if (socket.ws) socket.ws.close(4000, 'simulated drop'); },
  /** Makes the next spin's connection die right after its frame is sent, before the answer. */
  dropAfterNextSpin: () => { socket.dropAfterNextSpin = true; },
  /** Handles a frame as if the lobby had sent it (rendering tests of rare outcomes such as a free-spin trigger). */
  receiveFrame: text => socket.receive(text),
});

route().catch(reportError);
$('#login-username').focus();
