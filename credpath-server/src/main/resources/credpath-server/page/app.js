// credpath counselor's page: a form (or pasted JSON) -> POST /v1/evaluations -> statuses, plan and an SVG timeline.
// Plain JavaScript, no library and no network access beyond this server.
'use strict';

const STATES = ['AL','AK','AZ','AR','CA','CO','CT','DE','DC','FL','GA','HI','ID','IL','IN','IA','KS','KY','LA','ME','MD','MA',
  'MI','MN','MS','MO','MT','NE','NV','NH','NJ','NM','NY','NC','ND','OH','OK','OR','PA','RI','SC','SD','TN','TX','UT','VT',
  'VA','WA','WV','WI','WY'];
const CREDENTIALS = ['CAHIMS', 'CCA', 'CCS', 'CCS_P', 'CPHIMS', 'RHIA', 'RHIT'];
const LEVELS = [['CERTIFICATE', 'Certificate'], ['ASSOCIATE', 'Associate'], ['BACHELOR', "Bachelor's"],
  ['POST_BACCALAUREATE_CERTIFICATE', 'Post-baccalaureate certificate'], ['MASTER', "Master's"]];
const FIELDS = [['HEALTH_INFORMATION_MANAGEMENT', 'Health information management'], ['HEALTH_INFORMATICS', 'Health informatics'],
  ['MEDICAL_CODING', 'Medical coding'], ['INFORMATION_SYSTEMS', 'Information systems'], ['OTHER', 'Other']];
const EDU_STATUS = [['ENROLLED', 'Enrolled'], ['FINAL_TERM', 'In the final term'], ['COURSEWORK_COMPLETE', 'Coursework complete'],
  ['COMPLETED', 'Completed']];
const PROVIDERS = [['AHIMA', 'AHIMA'], ['AHIMA_COMPONENT', 'AHIMA state association'], ['HIMSS', 'HIMSS'],
  ['HIMSS_APPROVED', 'HIMSS-approved provider'], ['OTHER', 'Other']];
const KINDS = [['CODING', 'Coding'], ['HEALTHCARE', 'Healthcare'], ['INFORMATION_SYSTEMS', 'Information systems'], ['CLERICAL', 'Clerical']];

const STATUS_WORDS = {
  ELIGIBLE: ['Eligible: can apply for the exam now', 'good'],
  EARLY_TESTING: ['Can test early, before graduating', 'good'],
  NOT_ELIGIBLE: ['Not yet eligible', 'no'],
  ACTIVE: ['Held and active', 'good'],
  RENEWAL_DUE: ['Held: renewal due', 'soon'],
  INACTIVE: ['Held but inactive', 'bad'],
  REVOKED: ['Revoked', 'bad'],
  EXPIRED: ['Expired', 'bad'],
  SUPERSEDED: ['Replaced by a higher credential', 'no'],
};
const CONFIDENCE_WORDS = { H: 'stated by the certifying body', M: 'from one secondary source', I: 'our reading: confirm with the body' };
const COMPONENT_WORDS = {
  HIIM_DOMAIN: "in AHIMA's HIIM domains", AHIMA_SOURCED: 'from AHIMA or a state association',
  HIMSS_SOURCED: 'from HIMSS or approved providers', ETHICS: 'ethics',
};
const DUE_WORDS = {
  REQUEST_EXTENSION: 'waiver or extension deadline',
  SCHEDULE_EXAM: 'exam window closes',
  RETAKE_EXAM: 'retake window closes',
  APPLY_EARLY_TESTING: 'early-testing window closes',
  EARN_CEUS: 'CEUs due',
  PAY_RECERTIFICATION_FEE: 'recertification fee due',
  APPEAL_REVOCATION: 'appeal deadline',
};

const $ = (sel, root) => (root || document).querySelector(sel);
const el = (tag, attrs, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k === 'text') node.textContent = v; else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
};
const select = (id, options, value) => el('select', { id },
  ...options.map(([v, label]) => el('option', { value: v, selected: v === value, text: label })));
const labelled = (text, control, cls) => el('label', cls ? { class: cls } : {}, text, control);
const checkbox = (id, text, checked) => el('label', { class: 'check' }, el('input', { type: 'checkbox', id, checked: !!checked }), text);
const dateInput = (id, value) => el('input', { id, value: value || '', inputmode: 'numeric', pattern: '\\d{4}-\\d{2}-\\d{2}',
  placeholder: 'YYYY-MM-DD', autocomplete: 'off' });

// ---- repeatable rows -------------------------------------------------------------------------------------
let serial = 0;
const ROWS = {
  education: { title: 'Program', build: (id, v) => [
    labelled('Level', select(id + '-level', LEVELS, v.level || 'ASSOCIATE')),
    labelled('Field', select(id + '-field', FIELDS, v.field || 'HEALTH_INFORMATION_MANAGEMENT')),
    labelled('Status', select(id + '-status', EDU_STATUS, v.status || 'COMPLETED')),
    labelled('Completed on', dateInput(id + '-completedOn', v.completedOn)),
    checkbox(id + '-cahiimAccredited', 'CAHIIM-accredited', v.cahiimAccredited),
    checkbox(id + '-foreignReciprocity', 'Foreign, under reciprocity', v.foreignReciprocity)],
    read: id => clean({ level: val(id + '-level'), field: val(id + '-field'), cahiimAccredited: checked(id + '-cahiimAccredited'),
      foreignReciprocity: checked(id + '-foreignReciprocity'), status: val(id + '-status'), completedOn: val(id + '-completedOn') }) },
  credentials: { title: 'Credential', build: (id, v) => [
    labelled('Credential', select(id + '-code', CREDENTIALS.map(c => [c, c.replace('_', '-')]), v.code || 'RHIT')),
    labelled('Earned on', dateInput(id + '-earnedOn', v.earnedOn)),
    labelled('Current cycle started (if known)', dateInput(id + '-cycleStart', v.cycleStart))],
    read: id => clean({ code: val(id + '-code'), earnedOn: val(id + '-earnedOn'), cycleStart: val(id + '-cycleStart') }) },
  continuingEducation: { title: 'CEU entry', build: (id, v) => [
    labelled('Date', dateInput(id + '-date', v.date)),
    labelled('Hours', el('input', { id: id + '-hours', type: 'number', min: '0.5', max: '100', step: '0.5', value: v.hours ?? '' })),
    labelled('Provider', select(id + '-provider', PROVIDERS, v.provider || 'OTHER')),
    checkbox(id + '-hiimDomain', "In AHIMA's HIIM domains", v.hiimDomain),
    checkbox(id + '-ethics', 'Ethics', v.ethics)],
    read: id => clean({ date: val(id + '-date'), hours: num(id + '-hours'), provider: val(id + '-provider'),
      hiimDomain: checked(id + '-hiimDomain'), ethics: checked(id + '-ethics') }) },
  experience: { title: 'Job', build: (id, v) => [
    labelled('Role', el('input', { id: id + '-role', value: v.role || '', maxlength: '200' })),
    labelled('Months', el('input', { id: id + '-months', type: 'number', min: '0', step: '1', value: v.months ?? '' })),
    el('fieldset', { class: 'inline' }, el('legend', { text: 'Kind of work' }),
      ...KINDS.map(([k, label]) => checkbox(id + '-kind-' + k, label, (v.kinds || []).includes(k))))],
    read: id => clean({ role: val(id + '-role'), months: num(id + '-months'),
      kinds: KINDS.map(([k]) => k).filter(k => checked(id + '-kind-' + k)) }) },
};

function addRow(list, values) {
  const spec = ROWS[list];
  const container = document.getElementById(list);
  const id = list + '-' + (serial++);
  const number = container.children.length + 1;
  const row = el('fieldset', { class: 'row', 'data-row': id },
    el('legend', { text: spec.title + ' ' + number }), ...spec.build(id, values || {}));
  const remove = el('button', { type: 'button', class: 'remove', 'aria-label': 'Remove ' + spec.title.toLowerCase() + ' ' + number,
    text: 'Remove' });
  remove.addEventListener('click', () => { row.remove(); renumber(list); });
  row.append(remove);
  container.append(row);
  const first = row.querySelector('select, input');
  if (!values && first) first.focus();
  return id;
}
function renumber(list) {
  [...document.getElementById(list).children].forEach((row, i) => {
    row.querySelector('legend').textContent = ROWS[list].title + ' ' + (i + 1);
  });
}
const val = id => { const v = document.getElementById(id).value.trim(); return v === '' ? undefined : v; };
const num = id => { const v = val(id); return v === undefined ? undefined : Number(v); };
const checked = id => document.getElementById(id).checked;
const clean = o => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

// ---- form <-> profile ------------------------------------------------------------------------------------
function profileFromForm() {
  const profile = { id: val('f-id') || 'candidate-1', highSchool: val('f-highSchool') };
  const state = val('f-state');
  if (state) profile.state = state;
  for (const list of Object.keys(ROWS)) {
    const rows = [...document.getElementById(list).children].map(row => ROWS[list].read(row.dataset.row));
    if (rows.length) profile[list] = rows;
  }
  const goals = CREDENTIALS.filter(c => checked('goal-' + c));
  if (goals.length) profile.goals = goals;
  if (checked('f-prefersOnline')) profile.prefersOnline = true;
  return profile;
}

function fillForm(profile) {
  document.getElementById('f-id').value = profile.id || '';
  document.getElementById('f-state').value = profile.state || '';
  document.getElementById('f-highSchool').value = profile.highSchool || 'DIPLOMA';
  document.getElementById('f-prefersOnline').checked = !!profile.prefersOnline;
  for (const list of Object.keys(ROWS)) {
    document.getElementById(list).replaceChildren();
    for (const item of profile[list] || []) addRow(list, item);
  }
  for (const c of CREDENTIALS) document.getElementById('goal-' + c).checked = (profile.goals || []).includes(c);
}

// ---- talking to the service ------------------------------------------------------------------------------
async function evaluate(event) {
  event.preventDefault();
  const asOf = val('f-asOf');
  if (asOf && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    showProblems({ title: 'Check the date', detail: 'Write "As of" as YYYY-MM-DD, such as 2026-11-22, or leave it empty for today.' });
    return;
  }
  const button = document.getElementById('evaluate');
  button.disabled = true;
  try {
    const response = await fetch('/v1/evaluations' + (asOf ? '?asOf=' + encodeURIComponent(asOf) : ''), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(profileFromForm()) });
    const body = await response.json();
    if (!response.ok) { showProblems(body); return; }
    hideProblems();
    render(body);
  } catch (e) {
    showProblems({ title: 'The service did not answer', detail: 'Check that credpath serve is still running, then try again.' });
  } finally {
    button.disabled = false;
  }
}

function showProblems(problem) {
  const box = document.getElementById('problems');
  box.replaceChildren(el('h2', { text: problem.title || 'Something is wrong' }), el('p', { text: problem.detail || '' }));
  if (problem.errors && problem.errors.length) {
    box.append(el('ul', {}, ...problem.errors.map(e => el('li', {}, el('code', { text: e.path }), ' ' + e.message))));
  }
  box.hidden = false;
  document.getElementById('results').hidden = true;
  box.scrollIntoView({ block: 'nearest' });
}
function hideProblems() { document.getElementById('problems').hidden = true; }

// ---- the plan ----------------------------------------------------------------------------------------------
const confMark = c => el('span', { class: 'conf conf-' + c, title: 'Confidence ' + c + ': ' + CONFIDENCE_WORDS[c],
  'aria-label': 'confidence ' + c + ', ' + CONFIDENCE_WORDS[c], text: c });
const pretty = code => code.replace('_', '-');

function render(result) {
  document.getElementById('plan-title').textContent = 'Plan for ' + result.candidateId;
  document.getElementById('plan-meta').textContent = 'As of ' + result.asOf + '.';
  const events = timelineEvents(result);
  drawTimeline(result.asOf, result.credentials, events);
  document.querySelector('#events tbody').replaceChildren(...events.map(e =>
    el('tr', { 'data-date': e.date, 'data-kind': e.kind }, el('td', { text: e.date }), el('td', { text: e.label }), el('td', {}, confMark(e.confidence)))));
  document.getElementById('events').hidden = events.length === 0;

  document.getElementById('steps').replaceChildren(...result.nextSteps.map(s => el('li', { 'data-code': s.code },
    confMark(s.confidence), ' ',
    s.dueBy ? el('span', { class: 'due', text: 'By ' + s.dueBy + ': ' }) : null,
    s.message,
    s.credential ? el('span', { class: 'meta', text: ' (' + pretty(s.credential) + ')' }) : null)));
  if (!result.nextSteps.length) document.getElementById('steps').append(el('li', { text: 'Nothing to do now.' }));

  const rows = [...result.credentials].sort((a, b) => order(a) - order(b) || a.code.localeCompare(b.code));
  document.querySelector('#credentials-table tbody').replaceChildren(...rows.map(c => {
    const [words, tone] = STATUS_WORDS[c.status] || [c.status, 'no'];
    const details = [...c.missing];
    if (c.cycle) details.push('Cycle ' + c.cycle.start + ' to ' + c.cycle.end + ': ' + c.cycle.earned + ' of ' + c.cycle.required + ' earned'
      + c.cycle.components.map(k => '; ' + (COMPONENT_WORDS[k.name] || k.name.toLowerCase().replace(/_/g, ' ')) + ': '
        + k.earned + ' of ' + k.required).join(''));
    if (c.statusUntil && !c.cycle) details.push('Until ' + c.statusUntil);
    return el('tr', { 'data-code': c.code, 'data-status': c.status },
      el('th', { scope: 'row', text: pretty(c.code) }),
      el('td', {}, el('span', { class: 'status status-' + tone, text: words })),
      el('td', {}, details.length ? el('ul', {}, ...details.map(d => el('li', { text: d }))) : '—'),
      el('td', {}, confMark(c.confidence)));
  }));

  document.getElementById('notes').replaceChildren(...result.notes.map(n => el('li', {}, confMark(n.confidence), ' ' + n.message)));
  document.getElementById('notes-block').hidden = result.notes.length === 0;
  const s = result.salary;
  document.getElementById('salary').textContent = s ? 'Pay for health information technologists (' + (s.state || 'national')
    + ', ' + s.year + '): median $' + s.median.toLocaleString('en-US') + ', middle 80% $' + s.p10.toLocaleString('en-US') + ' to $'
    + s.p90.toLocaleString('en-US') + '. Source: ' + s.source + '. Context only: pay never decides eligibility.' : '';
  document.getElementById('rules-line').textContent = 'Rules: ' + result.knowledgeBase.name + ' ' + result.knowledgeBase.version
    + ' (' + result.knowledgeBase.sha256.slice(0, 12) + ').';
  const section = document.getElementById('results');
  section.hidden = false;
  section.focus();
}
const order = c => ({ ACTIVE: 0, RENEWAL_DUE: 0, INACTIVE: 0, REVOKED: 0, EXPIRED: 0, SUPERSEDED: 1, ELIGIBLE: 2, EARLY_TESTING: 2 })[c.status] ?? 3;

// ---- the timeline ------------------------------------------------------------------------------------------
function timelineEvents(result) {
  const events = [];
  for (const c of result.credentials) {
    if (c.cycle && c.cycle.end >= result.asOf) {
      events.push({ date: c.cycle.end, kind: 'cycle-end', credential: c.code, confidence: c.confidence,
        label: pretty(c.code) + ' cycle ends' });
    }
    if (c.statusUntil && (!c.cycle || c.statusUntil !== c.cycle.end) && c.statusUntil >= result.asOf) {
      events.push({ date: c.statusUntil, kind: 'status-until', credential: c.code, confidence: c.confidence,
        label: pretty(c.code) + ' ' + (STATUS_WORDS[c.status] || [c.status])[0].toLowerCase() + ' until this day' });
    }
  }
  for (const s of result.nextSteps) {
    if (s.dueBy) {
      events.push({ date: s.dueBy, kind: s.code === 'REQUEST_EXTENSION' ? 'waiver' : /EXAM|TESTING/.test(s.code) ? 'exam-window' : 'due',
        credential: s.credential, confidence: s.confidence,
        label: (s.credential ? pretty(s.credential) + ' ' : '') + (DUE_WORDS[s.code] || 'due: ' + s.code.toLowerCase().replace(/_/g, ' ')) });
    }
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label));
}

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs, text) => {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
};
const days = iso => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;

function drawTimeline(asOf, credentials, events) {
  const start = days(asOf);
  const last = Math.max(start + 3 * 365, ...events.map(e => days(e.date) + 90));
  const endYear = Math.min(new Date(last * 86400000).getUTCFullYear() + 1, +asOf.slice(0, 4) + 11);
  const end = days(endYear + '-01-01');
  const width = 960, left = 20, right = 20, top = 52, lane = 26;
  const cycles = credentials.filter(c => c.cycle && c.cycle.end >= asOf);
  const height = top + (cycles.length + events.length) * lane + 24;
  const x = d => left + (Math.min(Math.max(d, start), end) - start) / (end - start) * (width - left - right);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'tl-title tl-desc' });
  root.append(svg('title', { id: 'tl-title' }, 'Timeline from ' + asOf + ' to ' + endYear));
  root.append(svg('desc', { id: 'tl-desc' }, events.length ? events.map(e => e.date + ': ' + e.label).join('; ') : 'Nothing dated is due.'));
  root.append(svg('line', { x1: left, x2: width - right, y1: top - 10, y2: top - 10, stroke: '#4a5561' }));
  for (let year = +asOf.slice(0, 4) + 1; year <= endYear; year++) {
    const yx = x(days(year + '-01-01'));
    root.append(svg('line', { x1: yx, x2: yx, y1: top - 16, y2: height - 10, stroke: '#d5dbe1' }));
    if (yx < width - right - 30 && yx - x(start) > 30) {
      root.append(svg('text', { x: yx, y: top - 20, 'font-size': 12, fill: '#4a5561', 'text-anchor': 'middle', class: 'year' }, String(year)));
    }
  }
  const nowX = x(start);
  root.append(svg('line', { x1: nowX, x2: nowX, y1: top - 16, y2: height - 10, stroke: '#0b5cad', 'stroke-width': 2 }));
  root.append(svg('text', { x: nowX + 3, y: 14, 'font-size': 12, fill: '#0b5cad', 'font-weight': 700 }, 'as of ' + asOf));
  let row = 0;
  const labelAt = (g, px, y, text) => {
    const anchorEnd = px > width * 0.62;
    g.append(svg('text', { x: anchorEnd ? px - 10 : px + 10, y: y + 4, 'font-size': 13, fill: '#1b1f24',
      'text-anchor': anchorEnd ? 'end' : 'start' }, text));
  };
  for (const c of cycles) {
    const y = top + row++ * lane + lane / 2;
    const g = svg('g', { class: 'cycle', 'data-credential': c.code, 'data-start': c.cycle.start, 'data-end': c.cycle.end });
    const x1 = x(days(c.cycle.start)), x2 = x(days(c.cycle.end));
    g.append(svg('rect', { x: x1, y: y - 6, width: Math.max(2, x2 - x1), height: 12, rx: 3, fill: '#cfe3f7', stroke: '#0b5cad' }));
    labelAt(g, x2, y, pretty(c.code) + ' cycle ' + c.cycle.start + ' – ' + c.cycle.end + ' (' + c.cycle.earned + '/' + c.cycle.required + ')');
    root.append(g);
  }
  for (const e of events) {
    const y = top + row++ * lane + lane / 2;
    const px = x(days(e.date));
    const colour = e.kind === 'waiver' ? '#8a4b00' : e.kind === 'exam-window' ? '#5b2a86' : e.kind === 'cycle-end' ? '#0b5cad' : '#a8071a';
    const g = svg('g', { class: 'mark', 'data-date': e.date, 'data-kind': e.kind, 'data-credential': e.credential || '' });
    g.append(svg('title', {}, e.date + ': ' + e.label + ' (confidence ' + e.confidence + ')'));
    g.append(svg('line', { x1: px, x2: px, y1: top - 10, y2: y, stroke: colour, 'stroke-dasharray': '2 3' }));
    g.append(svg('path', { d: `M${px} ${y - 7} L${px + 7} ${y} L${px} ${y + 7} L${px - 7} ${y} Z`, fill: colour }));
    labelAt(g, px, y, e.date + ' · ' + e.label + ' [' + e.confidence + ']');
    root.append(g);
  }
  document.getElementById('timeline').replaceChildren(root);
}

// ---- JSON paste / upload -----------------------------------------------------------------------------------
function loadJson() {
  let profile;
  try {
    profile = JSON.parse(document.getElementById('f-json').value);
  } catch (e) {
    showProblems({ title: 'That is not valid JSON', detail: 'Check the quotes, commas and brackets, or fill the form instead.' });
    return;
  }
  if (Array.isArray(profile)) profile = profile[0];
  if (!profile || typeof profile !== 'object') {
    showProblems({ title: 'Not a profile', detail: 'Paste one profile: a JSON object { … }.' });
    return;
  }
  hideProblems();
  fillForm(profile);
  document.getElementById('f-id').focus();
}

function init() {
  const state = document.getElementById('f-state');
  for (const s of STATES) state.append(el('option', { value: s, text: s }));
  document.getElementById('goals').append(...CREDENTIALS.map(c => checkbox('goal-' + c, pretty(c), false)));
  document.querySelectorAll('[data-add]').forEach(b => b.addEventListener('click', () => addRow(b.dataset.add)));
  document.getElementById('profile-form').addEventListener('submit', evaluate);
  document.getElementById('load-json').addEventListener('click', loadJson);
  document.getElementById('f-file').addEventListener('change', async e => {
    const file = e.target.files[0];
    if (file) { document.getElementById('f-json').value = await file.text(); loadJson(); }
  });
}
init();
