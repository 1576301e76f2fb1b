// The sandbox's inbox. Reads GET /sandbox/state every second and acts through the sandbox's admin endpoints.
// Every text shown comes from the network, so it is set with textContent only, never parsed as HTML.
'use strict';

const POLL_MILLIS = 1000;
let state = null;
let lastJson = '';
// what the lists were last drawn from: the state with its clock to the minute, so that a page read or clicked
// while the clock ticks is not redrawn under the reader every second
let lastDrawn = '';
let selected = decodeURIComponent(location.hash.slice(1)) || null;
/** What the user last did as the customer, to show its webhook delivery when it appears. */
let pending = null;
let tab = 'oauth';

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function badge(text, kind, title) {
  return el('span', { class: 'badge' + (kind ? ' ' + kind : ''), title: title || null, text });
}

// ---- time -------------------------------------------------------------------------------------------------

function now() {
  return state ? Date.parse(state.clock.now) : Date.now();
}

function ago(iso) {
  if (!iso) return 'never';
  return span(now() - Date.parse(iso)) + ' ago';
}

function left(iso) {
  const ms = Date.parse(iso) - now();
  return ms > 0 ? span(ms) : null;
}

function span(ms) {
  const m = Math.round(ms / 60000);
  if (m < 1) return 'now';
  if (m < 60) return m + ' min';
  const h = Math.floor(m / 60);
  if (h < 48) return h + ' h' + (m % 60 ? ' ' + (m % 60) + ' min' : '');
  const d = Math.floor(h / 24);
  return d + ' d' + (h % 24 ? ' ' + (h % 24) + ' h' : '');
}

function clockText(iso) {
  // the sandbox's time, in Vietnam, as the providers write it
  return iso.replace('T', ' ').replace(/\.\d+/, '').replace('+07:00', ' (Vietnam)');
}

// ---- the network --------------------------------------------------------------------------------------------

async function poll() {
  try {
    const r = await fetch('/sandbox/state', { cache: 'no-store' });
    if (!r.ok) throw new Error('HTTP ' + r.status);
    const text = await r.text();
    setStatus('', false);
    if (text !== lastJson) {
      lastJson = text;
      state = JSON.parse(text);
      render();
    } else if (pending) {
      renderWebhookResult();
    }
  } catch (e) {
    setStatus('The sandbox does not answer (' + e.message + '); trying again…', true);
  } finally {
    setTimeout(poll, POLL_MILLIS);
  }
}

async function post(path, body) {
  const r = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body || {}),
  });
  const answer = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(answer.error || ('HTTP ' + r.status));
  return answer;
}

function setStatus(text, bad) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('bad', !!bad);
}

// ---- rendering ----------------------------------------------------------------------------------------------

function render(force) {
  $('clock-now').textContent = clockText(state.clock.now);
  $('clock-frozen').textContent = state.clock.frozen ? '(frozen)' : '';
  $('foot').textContent = 'CareSoft ' + state.urls.caresoft + ' · eTelecom ' + state.urls.etelecom
    + ' · Zalo OA API ' + state.urls.zalo_openapi + ' · ZNS ' + state.urls.zalo_business
    + ' · OAuth ' + state.urls.zalo_oauth + ' · ' + state.outbox_size + ' messages accepted';
  const drawn = JSON.stringify({ ...state, clock: { ...state.clock, now: state.clock.now.slice(0, 16) } });
  if (force || drawn !== lastDrawn) {
    lastDrawn = drawn;
    renderCustomers();
    renderConversation();
    renderSide();
  }
  renderWebhookResult();
}

function customerBadges(c) {
  const b = [];
  if (!c.on_zalo) {
    b.push(badge('not on Zalo', 'bad'));
    return b;
  }
  b.push(c.follows ? badge('follower', 'ok') : badge('not following', 'warn'));
  const open = c.window_until && left(c.window_until);
  b.push(open ? badge('window ' + open, 'ok', 'consultation messages allowed until ' + clockText(c.window_until))
              : badge('window closed', 'bad', 'no interaction within 7 days: consultation messages are refused'));
  b.push(badge(c.free_replies_left + ' free', c.free_replies_left > 0 ? 'ok' : 'warn',
    'free replies left of the 8 within 48 h of the last message'));
  b.push(c.zns_consent ? badge('ZNS ok', 'ok') : badge('ZNS refused', 'bad'));
  return b;
}

function renderCustomers() {
  const list = $('customers');
  list.replaceChildren();
  $('customer-count').textContent = '(' + state.customers.length + ')';
  for (const c of state.customers) {
    const item = el('li', {
      class: 'customer', 'data-phone': c.phone_no, 'aria-current': c.phone_no === selected ? 'true' : 'false',
      tabindex: 0, onclick: () => select(c.phone_no), onkeydown: (e) => { if (e.key === 'Enter') select(c.phone_no); },
    },
    el('div', { class: 'name' }, el('span', { text: c.name }),
      c.unseen > 0 ? el('span', { class: 'unseen', title: 'messages the customer has not read', text: c.unseen }) : null),
    el('div', { class: 'phone', text: c.phone_no + ' · last wrote ' + ago(c.last_interaction) }),
    el('div', { class: 'badges' }, ...customerBadges(c)));
    list.append(item);
  }
}

function select(phone) {
  selected = phone;
  location.hash = encodeURIComponent(phone);
  pending = null;
  $('webhook-result').textContent = '';
  render(true);
}

/** What a message that is more than text carries, in a line: its image, file, template. */
function describe(m) {
  const d = m.detail || {};
  const payload = (d.attachment && d.attachment.payload) || {};
  const element = (payload.elements && payload.elements[0]) || {};
  switch (m.format) {
    case 'text': return null;
    case 'image': return '[image] ' + (element.url || element.attachment_id || d.image_url || d.attachment_id || '');
    case 'gif': return '[GIF] ' + (element.attachment_id || '');
    case 'sticker': return '[sticker] ' + (element.attachment_id || '');
    case 'file': return '[file] ' + (payload.token || d.name || '');
    case 'buttons': return '[buttons] ' + (payload.buttons || []).map((b) => b.title).join(' · ');
    case 'request_user_info': return '[asks to share contact details]';
    case 'template': return '[' + (payload.template_type || 'template') + ']';
    case 'zns': return '[ZNS template ' + (d.template_id || '') + ']';
    case 'script': return '[CareSoft script ' + (d.script_id || '') + ']';
    default: return '[' + m.format + ']';
  }
}

function renderConversation() {
  const c = state.customers.find((x) => x.phone_no === selected);
  $('no-selection').hidden = !!c;
  $('selection').hidden = !c;
  if (!c) return;
  $('conv-name').textContent = c.name;
  $('conv-phone').textContent = c.phone_no;
  $('conv-zalo').textContent = c.zalo_id || 'none';
  $('conv-badges').replaceChildren(...customerBadges(c));
  const conv = state.conversations.find((x) => x.phone_no === selected);
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.replaceChildren();
  for (const m of (conv ? conv.messages : [])) {
    const meta = [clockText(m.time).replace(' (Vietnam)', '')];
    if (m.direction === 'from_oa') {
      meta.push('via ' + m.provider);
      if (m.quota_type) meta.push('paid by ' + m.quota_type);
      meta.push(m.seen_at ? 'seen' : m.delivered_at ? 'delivered' : 'sent');
    } else {
      meta.push('written by the customer');
    }
    const kind = describe(m);
    list.append(el('li', {
      class: 'msg', 'data-direction': m.direction, 'data-provider': m.provider, 'data-format': m.format,
      'data-quota': m.quota_type || null, 'data-msg-id': m.msg_id,
    },
    kind ? el('div', { class: 'kind', text: kind }) : null,
    m.text ? el('div', { class: 'body', text: m.text }) : null,
    el('div', { class: 'meta' }, ...meta.map((t) => el('span', { text: t })))));
  }
  if (atBottom) list.scrollTop = list.scrollHeight;
  $('follow').disabled = !c.on_zalo || c.follows;
  $('unfollow').disabled = !c.on_zalo || !c.follows;
  $('reply-send').disabled = !c.on_zalo;
  $('seen').disabled = !c.on_zalo || c.unseen === 0;
}

function renderWebhookResult() {
  const out = $('webhook-result');
  if (!pending || !state) return;
  const d = state.webhooks.deliveries.find((x) => x.event_name === pending.event
    && (pending.msgId ? x.msg_id === pending.msgId : x.user_id === pending.userId && x.id > pending.afterId));
  out.classList.remove('ok', 'bad');
  if (!state.webhooks.url) {
    out.textContent = 'No webhook URL is set: the application gets no event (set one on the Webhooks tab).';
    out.classList.add('bad');
    return;
  }
  if (!d) {
    out.textContent = pending.event + ' is on its way to ' + state.webhooks.url + '…';
    return;
  }
  const last = d.attempts[d.attempts.length - 1];
  if (!last) {
    out.textContent = pending.event + ': waiting to be delivered…';
  } else if (last.http_status === 200 && !last.error) {
    out.textContent = pending.event + ' delivered: the application answered HTTP 200 in ' + last.millis + ' ms'
      + (d.attempts.length > 1 ? ' (attempt ' + d.attempts.length + ')' : '');
    out.classList.add('ok');
  } else {
    out.textContent = pending.event + ': the application answered '
      + (last.http_status ? 'HTTP ' + last.http_status : (last.error || 'nothing')) + '; status ' + d.status
      + ', ' + d.attempts.length + ' attempt(s) so far, Zalo retries after 30 s, 5 min, 15 min, 30 min, 1 h';
    out.classList.add('bad');
  }
}

function kv(pairs) {
  const dl = el('dl', { class: 'kv' });
  for (const [k, v] of pairs) dl.append(el('dt', { text: k }), el('dd', { text: v }));
  return dl;
}

function renderSide() {
  for (const b of document.querySelectorAll('.tabs button')) b.setAttribute('aria-selected', b.dataset.tab === tab);
  for (const t of ['oauth', 'limits', 'webhooks']) $('tab-' + t).hidden = t !== tab;

  const o = state.oauth;
  const oauth = $('tab-oauth');
  oauth.replaceChildren(el('h3', { text: 'App ' + o.app_id }),
    kv([['access tokens live', span(o.access_token_lifetime_s * 1000)],
      ['refresh tokens live', span(o.refresh_token_lifetime_s * 1000)],
      ['refreshes', o.counters.refreshes], ['rotations', o.counters.rotations],
      ['refused refresh tokens', o.counters.rejected_refresh_tokens], ['code exchanges', o.counters.code_exchanges]]));
  for (const oa of o.oas) {
    const expires = oa.access_token_expires_at ? left(oa.access_token_expires_at) : null;
    oauth.append(el('h3', { text: 'OA ' + oa.oa_id + ' · ' + oa.name }),
      kv([['access token', oa.access_token ? oa.access_token + (expires ? ', ' + expires + ' left' : ', expired') : 'none'],
        ['refresh token', oa.refresh_token || 'none'],
        ['refreshes', oa.counters.refreshes], ['rotations', oa.counters.rotations]]),
      el('div', { class: 'composer-actions' },
        el('button', { type: 'button', 'data-oa': oa.oa_id, onclick: () => act(() => post('/sandbox/oauth/' + oa.oa_id + '/revoke'), 'Tokens of OA ' + oa.oa_id + ' revoked: the next call gets -216, the next refresh -14014') }, 'Revoke tokens'),
        el('button', { type: 'button', onclick: () => act(() => post('/sandbox/oauth/' + oa.oa_id + '/tokens').then(() => null), 'New tokens issued to OA ' + oa.oa_id + ' (shown only as digests here)') }, 'Issue tokens')));
  }

  const s = state.stats;
  $('tab-limits').replaceChildren(el('h3', { text: 'Requests' }),
    kv([['all', s.requests], ['CareSoft', s.caresoft_requests], ['eTelecom', s.etelecom_requests],
      ['official API', s.zalo_requests], ['accepted', s.accepted], ['refused by Zalo\'s rules', s.refused],
      ['invalid', s.invalid], ['unauthorized', s.unauthorized]]),
    el('h3', { text: 'Rate limits' }),
    kv([['CareSoft 429s', s.rate_limited], ['CareSoft lock-outs', s.lockouts],
      ['locked out now', s.locked_out], ['Zalo -32s', s.zalo_rate_limited],
      ['Zalo calls in the last minute', s.zalo_rate_limit.calls_in_last_minute + ' of ' + s.zalo_rate_limit.limit_per_minute]]));

  const w = state.webhooks;
  if (document.activeElement && document.activeElement.id === 'webhook-url') return; // the user is typing the URL
  const urlInput = el('input', { type: 'url', id: 'webhook-url', value: w.url || '', placeholder: 'http://127.0.0.1:8080/zalo/events', 'aria-label': 'Webhook URL' });
  const hooks = $('tab-webhooks');
  hooks.replaceChildren(el('h3', { text: 'Webhook URL' }),
    el('div', { class: 'composer-actions' }, urlInput,
      el('button', { type: 'button', onclick: () => act(() => fetch('/sandbox/webhooks', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ url: urlInput.value || null }) }), 'Webhook URL saved') }, 'Save')),
    kv([['answer within', w.timeout_ms + ' ms'], ['retries run', w.retry_scale === 1 ? 'on Zalo\'s schedule' : 'at ' + w.retry_scale + ' of Zalo\'s schedule'], ['pending', w.pending]]),
    el('h3', { text: 'Deliveries (newest first)' }));
  for (const d of w.deliveries) {
    hooks.append(el('div', { class: 'delivery', 'data-event': d.event_name, 'data-status': d.status },
      el('div', { text: d.event_name + ' · ' + d.status + (d.duplicate_of ? ' · duplicate of ' + d.duplicate_of : '') }),
      el('div', { class: 'attempts', text: d.attempts.map((a) => '#' + a.number + (a.num_retry !== undefined ? ' (num_retry ' + a.num_retry + ')' : '') + ' → ' + (a.http_status || a.error || '…') + ' in ' + a.millis + ' ms').join(', ') || 'not tried yet' })));
  }
}

// ---- acting as the customer and on the sandbox --------------------------------------------------------------

async function act(call, done) {
  try {
    await call();
    setStatus(done, false);
    lastJson = '';
  } catch (e) {
    setStatus(e.message, true);
  }
}

function newestDeliveryId() {
  return state.webhooks.deliveries.length ? state.webhooks.deliveries[0].id : 0;
}

function customerAction(path, body, event) {
  const c = state.customers.find((x) => x.phone_no === selected);
  const afterId = newestDeliveryId();
  return act(async () => {
    const answer = await post('/sandbox/customers/' + encodeURIComponent(selected) + '/' + path, body);
    pending = { event, msgId: answer.msg_id || null, userId: c.zalo_id, afterId };
  }, event + ' sent as ' + c.name);
}

function wire() {
  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('reply-text').value.trim();
    if (!text) return;
    customerAction('messages', { text }, 'user_send_text').then(() => { $('reply-text').value = ''; });
  });
  $('reply-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      $('composer').requestSubmit();
    }
  });
  $('follow').addEventListener('click', () => customerAction('follow', { source: 'oa_profile' }, 'follow'));
  $('unfollow').addEventListener('click', () => customerAction('unfollow', {}, 'unfollow'));
  $('seen').addEventListener('click', () => customerAction('seen', {}, 'user_seen_message'));
  for (const b of document.querySelectorAll('[data-advance]')) {
    b.addEventListener('click', () => act(() => post('/sandbox/clock', { advance: b.dataset.advance }),
      'Clock moved on by ' + b.textContent));
  }
  for (const b of document.querySelectorAll('.tabs button')) {
    b.addEventListener('click', () => { tab = b.dataset.tab; if (state) renderSide(); });
  }
  window.addEventListener('hashchange', () => {
    const h = decodeURIComponent(location.hash.slice(1));
    if (h && h !== selected) select(h);
  });
}

wire();
poll();
