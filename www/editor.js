// The editor page: an article or a report file in, a checked report, its share image and the
// embed snippet out. The draft lives in localStorage after every change, undo history
// included. Fields are drawn from the tables below, so a new optional field of the format is
// one line here. Data reaches the DOM only through textContent and value.
import init, { Infographic, validateReport } from '../pkg/district_infographic.js';

const STORE_KEY = 'district-infographic.editor.v1';
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_HISTORY = 100;
const COALESCE_MS = 1000;
/** How long typing in the JSON box pauses before what it holds is applied. */
const JSON_PAUSE_MS = 600;
const DESKTOP_WIDTH = 1280;
const PHONE_WIDTH = 360;
const KINDS = ['bars', 'compare', 'ring', 'gauge', 'parts', 'funnel', 'pictogram', 'stats'];

/** Every phrase the page shows, in both languages (one table, so they cannot drift apart). */
const PHRASES = {
  zh: {
    brand: '成绩单编辑器', settings: '编辑器设置', jumpPreview: '看预览', pageLanguage: '界面语言', undo: '撤销', redo: '重做',
    start: '开始', articleLabel: '粘贴工作报告原文(纯文本或 Markdown)', draft: '从原文起草',
    openFile: '打开报告文件(JSON)', problems: '检查结果', form: '编辑', json: 'JSON',
    jsonShow: '查看和编辑 JSON', jsonLabel: '报告 JSON(输入时即检查)', publish: '发布',
    fileName: '报告文件名', downloadJson: '下载报告文件(JSON)', downloadPng: '下载分享长图(PNG)',
    copyEmbed: '复制嵌入代码', embedLabel: '嵌入代码(粘贴到 CMS 的 HTML 片段)', preview: '预览',
    previewLanguage: '预览语言', theme: '配色', light: '浅色', dark: '深色', previewWidth: '预览宽度',
    phone: '手机 360 px', desktop: '桌面 1280 px',
    reportTexts: '报告文字', sections: '板块', section: '板块', figures: '数据',
    addSection: '添加板块', addFigure: '添加数据', remove: '删除', moveUp: '上移', moveDown: '下移',
    zh: '中文', en: '英文', none: '(无)',
    title: '标题', subtitle: '副标题', period: '时期', previous_period: '对比时期', source: '来源',
    publisher: '发布单位', chapter: '篇章', kind: '图表类型', note: '注释', accent: '篇章颜色',
    accent_red: '红', accent_green: '绿', accent_blue: '蓝', accent_ochre: '赭', accent_plum: '紫',
    id: '编号', label: '名称', value: '数值', unit: '单位', unit_en: '英文单位', approx: '约数',
    previous: '上期数值', total: '总数', total_label: '总数名称', target: '目标', progress: '完成进度(%)',
    better: '越大越好还是越小越好', over: '余/超过', about: '约', higher: '越大越好', lower: '越小越好',
    kind_bars: '条形图', kind_compare: '同比对照', kind_ring: '圆环(部分占整体)', kind_gauge: '仪表(目标进度)',
    kind_parts: '分段条', kind_funnel: '漏斗(步骤)', kind_pictogram: '象形图', kind_stats: '大数字',
    noProblems: '没有发现问题,可以发布。', problemCount: (e, w) => `${e} 个问题,${w} 个提醒`,
    warning: '提醒', error: '问题', whole: '整个报告',
    savedAt: (t) => `已保存草稿 ${t}`, notSaved: '草稿无法保存到浏览器(存储已满或被禁用)',
    restored: (t) => `已恢复 ${t} 保存的草稿。`, empty: '还没有草稿:粘贴原文起草,或打开报告文件。',
    drafted: (n, s) => `已从原文起草:${s} 个板块,${n} 项数据。请逐项核对。`,
    redrafted: '之前的草稿已被替换,可用「撤销」找回。',
    removedSection: (name) => `已删除${name}。可用「撤销」恢复。`,
    draftWarnings: '起草说明(需要人工核对)', draftUnavailable: '起草功能不可用:这个版本没有起草模块(pkg/editor/)。请打开报告文件,或使用命令行 make draft。',
    draftFailed: (m) => `无法起草:${m}`, articleEmpty: '请先粘贴原文。',
    notJson: (m) => `这个文件不是 JSON,没有打开(${m})。当前草稿未改动。`,
    notReport: '这个 JSON 不是成绩单报告(没有 sections 板块列表),没有打开。当前草稿未改动。',
    tooBig: (mb) => `文件太大(${mb} MB),报告文件不超过 2 MB,没有打开。当前草稿未改动。`,
    opened: (name) => `已打开 ${name}。`,
    jsonOk: 'JSON 有效,已应用。', jsonBad: (m) => `JSON 无效,未应用(表单和预览仍是上一次有效的内容):${m}`,
    jsonWhere: (line, column) => `第 ${line} 行第 ${column} 列附近有语法错误`,
    jsonNotReport: '这段 JSON 不是成绩单报告(没有 sections 板块列表),未应用。',
    publishLanguage: '读者看到的语言',
    noEnglish: (n) => `${n} 处文字没有英文:英文版在这些地方显示中文。只发布中文版可不理会。`,
    publishBlocked: (n) => `报告还有 ${n} 个问题,未生成:有问题的板块在读者页面和分享图中只显示提示。请先按“检查结果”改正。(报告文件仍可下载,以便保存进度。)`,
    downloadedWithProblems: (name, n) => `已下载 ${name}。报告还有 ${n} 个问题,发布前请改正。`,
    previewFailed: (m) => `预览无法绘制:${m}`, previewBroken: '有问题的板块在预览中以提示代替。',
    downloaded: (n) => `已下载 ${n}。`, copied: '嵌入代码已复制。', copyManual: '无法直接复制:代码已选中,请按 Ctrl+C。',
    svgHint: (n) => `SVG 版分享图请在命令行生成:make share REPORT=www/reports/${n} OUT=${n.replace(/\.json$/, '')}.svg`,
    posterHint: (page, command) => `让读者在程序加载前就看到图表:把嵌入代码存为 ${page},再运行 ${command},预览图(poster)会写在 <!-- poster --> 处,然后把整个文件粘贴到 CMS。`,
    pngFailed: (m) => `无法生成分享图:${m}`,
    nothing: '没有可编辑的报告。', newSection: '新板块', newFigure: '新数据',
    figure: '数据', inLanguage: (f, l) => `${f}(${l})`, named: (a, b) => `${a}:${b}`,
    foldSummary: (kind, n, problems) => `${kind} · ${n} 项数据${problems ? ` · ${problems} 个问题` : ''}`,
    openAll: '全部展开', closeAll: '全部收起',
  },
  en: {
    brand: 'Report editor', settings: 'Editor settings', jumpPreview: 'To the preview', pageLanguage: 'Page language', undo: 'Undo', redo: 'Redo',
    start: 'Start', articleLabel: 'Paste the work report article (plain text or Markdown)', draft: 'Draft from the article',
    openFile: 'Open a report file (JSON)', problems: 'Check', form: 'Edit', json: 'JSON',
    jsonShow: 'View and edit the JSON', jsonLabel: 'Report JSON (checked as you type)', publish: 'Publish',
    fileName: 'Report file name', downloadJson: 'Download the report file (JSON)', downloadPng: 'Download the share image (PNG)',
    copyEmbed: 'Copy the embed code', embedLabel: 'Embed code (paste into the CMS as an HTML snippet)', preview: 'Preview',
    previewLanguage: 'Preview language', theme: 'Theme', light: 'Light', dark: 'Dark', previewWidth: 'Preview width',
    phone: 'Phone 360 px', desktop: 'Desktop 1280 px',
    reportTexts: 'Report texts', sections: 'Sections', section: 'Section', figures: 'Figures',
    addSection: 'Add a section', addFigure: 'Add a figure', remove: 'Remove', moveUp: 'Move up', moveDown: 'Move down',
    zh: 'Chinese', en: 'English', none: '(none)',
    title: 'Title', subtitle: 'Subtitle', period: 'Period', previous_period: 'Previous period', source: 'Source',
    publisher: 'Publisher', chapter: 'Chapter', kind: 'Chart kind', note: 'Note', accent: 'Chapter colour',
    accent_red: 'red', accent_green: 'green', accent_blue: 'blue', accent_ochre: 'ochre', accent_plum: 'plum',
    id: 'Id', label: 'Label', value: 'Value', unit: 'Unit', unit_en: 'English unit', approx: 'Approximation',
    previous: 'Previous value', total: 'Total', total_label: 'Name of the total', target: 'Target', progress: 'Progress (%)',
    better: 'Better when', over: 'over (余)', about: 'about (约)', higher: 'higher', lower: 'lower',
    kind_bars: 'Bars', kind_compare: 'This period against the last', kind_ring: 'Ring (part of a whole)', kind_gauge: 'Gauge (progress to a target)',
    kind_parts: 'Parts of one bar', kind_funnel: 'Funnel (steps)', kind_pictogram: 'Pictogram', kind_stats: 'Big numbers',
    noProblems: 'No problems found: ready to publish.', problemCount: (e, w) => `${e} problem${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`,
    warning: 'Warning', error: 'Problem', whole: 'the whole report',
    savedAt: (t) => `Draft saved ${t}`, notSaved: 'The draft cannot be saved in this browser (storage full or disabled)',
    restored: (t) => `The draft saved at ${t} is back.`, empty: 'No draft yet: paste an article, or open a report file.',
    drafted: (n, s) => `Drafted from the article: ${s} sections, ${n} figures. Check each one.`,
    redrafted: 'The earlier draft was replaced: Undo brings it back.',
    removedSection: (name) => `${name} removed. Undo brings it back.`,
    draftWarnings: 'Notes from the draft (check these by hand)', draftUnavailable: 'Drafting is not available: this build has no drafting module (pkg/editor/). Open a report file, or run make draft.',
    draftFailed: (m) => `Cannot draft: ${m}`, articleEmpty: 'Paste the article first.',
    notJson: (m) => `This file is not JSON and was not opened (${m}). The current draft is unchanged.`,
    notReport: 'This JSON is not a report (it has no list of sections) and was not opened. The current draft is unchanged.',
    tooBig: (mb) => `The file is too large (${mb} MB; a report file is at most 2 MB) and was not opened. The current draft is unchanged.`,
    opened: (name) => `Opened ${name}.`,
    jsonOk: 'Valid JSON, applied.', jsonBad: (m) => `Not valid JSON, not applied (the form and the preview keep the last valid one): ${m}`,
    jsonWhere: (line, column) => `a syntax error near line ${line}, column ${column}`,
    jsonNotReport: 'This JSON is not a report (it has no list of sections): not applied.',
    publishLanguage: 'Language readers see',
    noEnglish: (n) => `${n} text${n === 1 ? ' has' : 's have'} no English: the English version shows the Chinese there. Ignore this if only the Chinese version is published.`,
    publishBlocked: (n) => `The report still has ${n} problem${n === 1 ? '' : 's'}: nothing made. A section with a problem shows readers only a notice, on the page and in the share image. Fix them from the check list first. (The report file can still be downloaded, to keep your work.)`,
    downloadedWithProblems: (name, n) => `Downloaded ${name}. The report still has ${n} problem${n === 1 ? '' : 's'}: fix them before publishing.`,
    previewFailed: (m) => `The preview cannot be drawn: ${m}`, previewBroken: 'Sections with a problem show as a notice in the preview.',
    downloaded: (n) => `Downloaded ${n}.`, copied: 'Embed code copied.', copyManual: 'Cannot copy directly: the code is selected, press Ctrl+C.',
    svgHint: (n) => `For the SVG share image, run: make share REPORT=www/reports/${n} OUT=${n.replace(/\.json$/, '')}.svg`,
    posterHint: (page, command) => `To show the infographic before the program has loaded: save the embed code as ${page}, run ${command} (the poster goes in place of <!-- poster -->), then paste the whole file into the CMS.`,
    pngFailed: (m) => `Cannot make the share image: ${m}`,
    nothing: 'No report to edit.', newSection: 'New section', newFigure: 'New figure',
    figure: 'Figure', inLanguage: (f, l) => `${f} (${l})`, named: (a, b) => `${a}: ${b}`,
    foldSummary: (kind, n, problems) => `${kind} · ${n} figure${n === 1 ? '' : 's'}${problems ? ` · ${problems} problem${problems === 1 ? '' : 's'}` : ''}`,
    openAll: 'Open all', closeAll: 'Close all',
  },
};

/**
 * The form's fields. `text`: a {zh, en} text; `string`; `number` (kept as typed when it is not
 * a number, so that validation names it); `choice` (an empty choice removes the field).
 */
const REPORT_FIELDS = [
  { key: 'title', type: 'text' }, { key: 'subtitle', type: 'text' }, { key: 'period', type: 'text' },
  { key: 'previous_period', type: 'text' }, { key: 'source', type: 'text' }, { key: 'publisher', type: 'text' },
];
const ACCENTS = ['red', 'green', 'blue', 'ochre', 'plum'];
const SECTION_FIELDS = [
  { key: 'chapter', type: 'text' }, { key: 'chapter', sub: 'accent', type: 'choice', options: ACCENTS, phrase: (v) => `accent_${v}` },
  { key: 'title', type: 'text' },
  { key: 'kind', type: 'choice', options: KINDS, required: true, phrase: (v) => `kind_${v}` },
  { key: 'note', type: 'text' }, { key: 'id', type: 'string', required: true },
];
const FIGURE_FIELDS = [
  { key: 'label', type: 'text' }, { key: 'value', type: 'number', required: true }, { key: 'unit', type: 'string', required: true },
  { key: 'unit_en', type: 'string' }, { key: 'approx', type: 'choice', options: ['over', 'about'] },
  { key: 'previous', type: 'number' }, { key: 'total', type: 'number' }, { key: 'total_label', type: 'text' },
  { key: 'target', type: 'number' }, { key: 'progress', type: 'number' },
  { key: 'better', type: 'choice', options: ['higher', 'lower'] }, { key: 'id', type: 'string', required: true },
];

const $ = (id) => document.getElementById(id);
const root = document.documentElement;
const params = new URLSearchParams(location.search);

const state = {
  report: null,      // the report being edited (any JSON: it may be invalid while editing)
  undo: [],          // earlier reports, as JSON strings
  redo: [],
  lastField: null,   // the field of the last change, and when: typing in one field is one step
  lastAt: 0,
  savedAt: null,
  problems: [],
  draftWarnings: [],
  lang: params.get('lang') === 'en' ? 'en' : 'zh',
  folds: new Map(),  // a section's id (or index) → open, as the editor last chose it
  article: '',       // the article the draft was made from (kept with the draft)
};
// A report of more sections than this opens with its sections folded (a drafted article of 40
// sections was a form 61,000 px long on a phone): each shows its kind and how many figures and
// problems it has, and opens when chosen, when one of its problems is chosen, or with "open all".
const FOLD_FROM = 6;
let phrases = PHRASES[state.lang];
let drafter = null;        // the editor module's draftReport, once loaded (or false if missing)
const previews = { phone: null, desktop: null };
let previewTimer = 0;
let jsonTimer;

function t(key, ...args) {
  const phrase = phrases[key] ?? PHRASES.zh[key] ?? key;
  return typeof phrase === 'function' ? phrase(...args) : phrase;
}

function say(message, target = 'message') {
  $(target).textContent = message;
}

// ---- The model: changes, undo, persistence ----

const clone = (value) => JSON.parse(JSON.stringify(value));

/** Replaces the report by `next` as one undo step (typing in one field coalesces). */
function change(next, field = null) {
  const now = Date.now();
  const coalesce = field !== null && field === state.lastField && now - state.lastAt < COALESCE_MS;
  if (!coalesce && state.report !== null) {
    state.undo.push(JSON.stringify(state.report));
    if (state.undo.length > MAX_HISTORY) state.undo.shift();
  }
  state.redo = [];
  state.lastField = field;
  state.lastAt = now;
  state.report = next;
  afterChange({ rebuild: field === null, history: !coalesce });
}

function undo() {
  if (!state.undo.length) return;
  state.redo.push(JSON.stringify(state.report));
  state.report = JSON.parse(state.undo.pop());
  state.lastField = null;
  afterChange({ rebuild: true });
}

function redo() {
  if (!state.redo.length) return;
  state.undo.push(JSON.stringify(state.report));
  state.report = JSON.parse(state.redo.pop());
  state.lastField = null;
  afterChange({ rebuild: true });
}

function afterChange({ rebuild, fromJson = false, history = true }) {
  save({ history });
  if (rebuild) {
    renderForm();
    // The draft's notes follow their sections (moved, removed).
    renderDraftWarnings();
  }
  else refreshHeadings();
  if (!fromJson) renderJson();
  // What the publish buttons last said was about the report before this change.
  say('', 'publish-status');
  check();
  updateEmbed();
  schedulePreview();
  updateButtons();
}

/**
 * Writes the draft, and its undo history when that changed (typing in one field rewrites only
 * the draft, a few kilobytes, not the history of up to a hundred drafts). When storage is
 * full, the oldest undo steps go first.
 */
function save({ history = true } = {}) {
  for (;;) {
    try {
      if (history) localStorage.setItem(`${STORE_KEY}.history`, JSON.stringify({ undo: state.undo, redo: state.redo }));
      const savedAt = new Date();
      localStorage.setItem(STORE_KEY, JSON.stringify({
        report: state.report, savedAt: savedAt.toISOString(), fileName: $('file-name').value,
        publishLocale: $('publish-locale').value, draftWarnings: state.draftWarnings,
        // The article the notes ask to check against, as it was drafted from.
        article: state.article,
      }));
      state.savedAt = savedAt;
      showSaved();
      return;
    } catch {
      if (state.undo.length === 0 && state.redo.length === 0) {
        say(t('notSaved'), 'saved');
        return;
      }
      state.undo.splice(0, Math.max(1, state.undo.length >> 1));
      state.redo.splice(0, Math.max(0, state.redo.length >> 1));
      history = true;
    }
  }
}

function restore() {
  try {
    const record = JSON.parse(localStorage.getItem(STORE_KEY) ?? 'null');
    if (!record || typeof record !== 'object' || record.report === undefined) return false;
    const history = JSON.parse(localStorage.getItem(`${STORE_KEY}.history`) ?? '{}') ?? {};
    state.report = record.report;
    state.undo = Array.isArray(history.undo) ? history.undo.filter((s) => typeof s === 'string') : [];
    state.redo = Array.isArray(history.redo) ? history.redo.filter((s) => typeof s === 'string') : [];
    state.savedAt = new Date(record.savedAt);
    if (typeof record.fileName === 'string' && record.fileName.trim()) $('file-name').value = record.fileName;
    if (record.publishLocale === 'en' || record.publishLocale === 'zh') $('publish-locale').value = record.publishLocale;
    state.draftWarnings = Array.isArray(record.draftWarnings) ? record.draftWarnings.filter((w) => w && typeof w === 'object') : [];
    if (typeof record.article === 'string') {
      state.article = record.article;
      if (!$('article').value) $('article').value = record.article;
    }
    return true;
  } catch {
    return false;
  }
}

function timeText(date) {
  if (!date || Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString(state.lang === 'en' ? 'en-GB' : 'zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function showSaved() {
  say(state.savedAt ? t('savedAt', timeText(state.savedAt)) : '', 'saved');
}

function updateButtons() {
  $('undo').disabled = state.undo.length === 0;
  $('redo').disabled = state.redo.length === 0;
  // Nothing to publish before there is a report.
  for (const id of ['download-json', 'download-png', 'copy-embed']) $(id).disabled = state.report === null;
}

// ---- Loading: a report, a report file, an article ----

/** Why `value` is not a report at all (as opposed to a report with problems), or null. */
function notAReport(value) {
  return value && typeof value === 'object' && !Array.isArray(value) && Array.isArray(value.sections) ? null : t('notReport');
}

function loadReport(report) {
  const reason = notAReport(report);
  if (reason) throw new Error(reason);
  state.draftWarnings = [];
  renderDraftWarnings();
  say('');
  change(clone(report));
}

async function openFile(file) {
  if (file.size > MAX_FILE_BYTES) {
    say(t('tooBig', (file.size / 1048576).toFixed(1)));
    return;
  }
  let value;
  try {
    value = JSON.parse(await file.text());
  } catch (error) {
    say(t('notJson', error.message));
    return;
  }
  try {
    loadReport(value);
    say(t('opened', file.name));
    if (/\.json$/i.test(file.name)) $('file-name').value = file.name;
    updateEmbed();
  } catch (error) {
    say(error.message);
  }
}

async function loadDrafter() {
  if (drafter !== null) return drafter;
  try {
    const module = await import('../pkg/editor/district_infographic.js');
    await module.default();
    drafter = typeof module.draftReport === 'function' ? module.draftReport : false;
  } catch {
    drafter = false;
  }
  return drafter;
}

async function draftFromArticle(text) {
  if (!text.trim()) {
    say(t('articleEmpty'));
    return false;
  }
  const draftReport = await loadDrafter();
  if (!draftReport) {
    say(t('draftUnavailable'));
    return false;
  }
  let result;
  try {
    result = draftReport(text, state.lang);
  } catch (error) {
    say(t('draftFailed', error?.message ?? String(error)));
    return false;
  }
  const report = result?.report ?? result;
  const reason = notAReport(report);
  if (reason) {
    say(t('draftFailed', reason));
    return false;
  }
  const replaced = state.report !== null;
  state.article = text;
  change(clone(report));
  // Each note names its section and figure by id, so that it still points at them after a
  // section is moved or removed (and is dropped with what it was about).
  state.draftWarnings = (Array.isArray(result?.warnings) ? result.warnings : []).map((warning) => ({
    path: anchor(String(warning?.path ?? ''), report), message: String(warning?.message ?? warning),
  }));
  save({ history: false });
  renderDraftWarnings();
  const figures = report.sections.reduce((n, s) => n + (Array.isArray(s?.figures) ? s.figures.length : 0), 0);
  say(replaced ? `${t('drafted', figures, report.sections.length)} ${t('redrafted')}` : t('drafted', figures, report.sections.length));
  return true;
}

/** `sections[2].figures[0].label` as `sections[#gdp-section].figures[#gdp].label`. */
function anchor(path, report) {
  return path.replace(/^sections\[(\d+)\](?:\.figures\[(\d+)\])?/, (whole, s, f) => {
    const section = report?.sections?.[Number(s)];
    if (typeof section?.id !== 'string') return whole;
    const figure = f === undefined ? undefined : section.figures?.[Number(f)];
    if (f !== undefined && typeof figure?.id !== 'string') return `sections[#${section.id}].figures[${f}]`;
    return f === undefined ? `sections[#${section.id}]` : `sections[#${section.id}].figures[#${figure.id}]`;
  });
}

/** An anchored path in the report as it is now, or null when what it names is gone. */
function unanchor(path, report) {
  let found = true;
  const at = (list, id) => (Array.isArray(list) ? list.findIndex((x) => x?.id === id) : -1);
  const resolved = path.replace(/^sections\[#([^\]]*)\](?:\.figures\[#([^\]]*)\])?/, (whole, sid, fid) => {
    const s = at(report?.sections, sid);
    const f = fid === undefined ? -1 : at(report.sections?.[s]?.figures, fid);
    if (s < 0 || (fid !== undefined && f < 0)) found = false;
    return fid === undefined ? `sections[${s}]` : `sections[${s}].figures[${f}]`;
  });
  return found ? resolved : null;
}

function renderDraftWarnings() {
  const list = $('draft-warnings');
  list.replaceChildren();
  const current = state.draftWarnings.map((w) => ({ path: unanchor(String(w?.path ?? ''), state.report), message: String(w?.message ?? w) }))
    .filter((w) => w.path !== null);
  $('draft-hint').textContent = current.length ? t('draftWarnings') : '';
  for (const warning of current) {
    const item = document.createElement('li');
    const button = problemButton({ path: warning.path, message: warning.message, level: 'warning' });
    item.append(button);
    list.append(item);
  }
}

// ---- The form ----

/** The element id of the field at `path` (`sections[1].figures[0].value`, `title.zh`). */
function fieldId(path) {
  return `f-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
}

function textParts(value) {
  if (typeof value === 'string') return { zh: value, en: '' };
  if (value && typeof value === 'object') return { zh: typeof value.zh === 'string' ? value.zh : '', en: typeof value.en === 'string' ? value.en : '' };
  return { zh: '', en: '' };
}

/** Sets `object[key]` from a form control's text; an empty optional field is removed. */
function writeField(object, field, lang, raw) {
  const { key, type } = field;
  if (field.sub) {
    // A property inside a text, such as the chapter's accent: the text becomes {zh, en, …}.
    const text = typeof object[key] === 'string' ? { zh: object[key] } : { ...(object[key] ?? { zh: '' }) };
    if (raw === '') delete text[field.sub];
    else text[field.sub] = raw;
    object[key] = Object.keys(text).length === 1 && typeof text.zh === 'string' && typeof object[key] === 'string' ? text.zh : text;
  } else if (type === 'text') {
    // Other properties of the text (the chapter's accent) are kept.
    const current = object[key] && typeof object[key] === 'object' ? object[key] : {};
    const parts = textParts(object[key]);
    parts[lang] = raw;
    const { zh: _zh, en: _en, ...others } = current;
    if (!parts.zh.trim() && !parts.en.trim() && !Object.keys(others).length) delete object[key];
    else object[key] = { zh: parts.zh, ...(parts.en.trim() ? { en: parts.en } : {}), ...others };
  } else if (raw.trim() === '' && !(type === 'string' && field.required)) {
    delete object[key];
  } else if (type === 'number') {
    // As an IME types it too: full-width digits, ，and 。/．for the point.
    const ascii = raw.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
      .replace(/[。．]/g, '.').replace(/[－−]/g, '-').replace(/[,，]/g, '');
    const number = Number(ascii);
    object[key] = raw.trim() !== '' && Number.isFinite(number) ? number : raw;
  } else {
    object[key] = raw;
  }
}

function displayValue(value) {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Builds the controls for one object (`path` '' for the report itself). */
function fieldControls(fields, object, path, container) {
  const grid = document.createElement('div');
  grid.className = 'fields';
  for (const field of fields) {
    const key = field.sub ? `${field.key}.${field.sub}` : field.key;
    const fieldPath = path ? `${path}.${key}` : key;
    const languages = field.type === 'text' ? ['zh', 'en'] : [null];
    for (const lang of languages) {
      const controlPath = lang ? `${fieldPath}.${lang}` : fieldPath;
      const wrap = document.createElement('div');
      wrap.className = `field field-${field.type}${field.key === 'value' ? ' field-value' : ''}`;
      const label = document.createElement('label');
      const id = fieldId(controlPath);
      label.htmlFor = id;
      label.textContent = lang ? t('inLanguage', t(field.key), t(lang)) : t(field.sub ?? field.key);
      let control;
      if (field.type === 'choice') {
        control = document.createElement('select');
        const options = field.required ? field.options : ['', ...field.options];
        for (const option of options) {
          const element = document.createElement('option');
          element.value = option;
          element.textContent = option === '' ? t('none') : field.phrase ? t(field.phrase(option)) : t(option);
          control.append(element);
        }
        const current = field.sub ? (object[field.key] && typeof object[field.key] === 'object' ? object[field.key][field.sub] : undefined) : object[field.key];
        if (current !== undefined && !options.includes(current)) {
          const element = document.createElement('option');
          element.value = String(current);
          element.textContent = String(current);
          control.append(element);
        }
        control.value = current === undefined ? '' : String(current);
      } else {
        control = document.createElement('input');
        control.type = 'text';
        if (field.type === 'number') control.inputMode = 'decimal';
        control.spellcheck = false;
        control.value = lang ? textParts(object[field.key])[lang] : displayValue(object[field.key]);
        if (lang) control.lang = lang === 'en' ? 'en' : 'zh-CN';
      }
      control.id = id;
      control.dataset.path = controlPath;
      control.addEventListener(field.type === 'choice' ? 'change' : 'input', () => {
        const next = clone(state.report);
        const target = path ? resolvePath(next, path) : next;
        if (!target || typeof target !== 'object') return;
        writeField(target, field, lang, control.value);
        change(next, controlPath);
      });
      wrap.append(label, control);
      grid.append(wrap);
    }
  }
  container.append(grid);
}

/** The object at `path` (`sections[1].figures[0]`) in `report`. */
function resolvePath(report, path) {
  let value = report;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (value === null || typeof value !== 'object') return undefined;
    value = value[/^\d+$/.test(part) ? Number(part) : part];
  }
  return value;
}

function button(text, onClick, className = '') {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  if (className) element.className = className;
  element.addEventListener('click', onClick);
  return element;
}

/** Structural changes (add, remove, move), focusing `focus` (an element id) afterwards. */
function structural(mutate, focus) {
  const next = clone(state.report);
  mutate(next);
  change(next);
  if (focus) $(focus)?.focus();
}

function uniqueId(report, base) {
  const used = new Set();
  for (const section of report.sections ?? []) {
    if (section && typeof section === 'object') {
      used.add(section.id);
      for (const figure of section.figures ?? []) used.add(figure?.id);
    }
  }
  let n = 1;
  while (used.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

function moveControls(list, index, path, labelText) {
  const bar = document.createElement('div');
  bar.className = 'item-actions';
  const name = (action) => t('named', t(action), labelText);
  const at = (i) => path.replace(/\[\d+\]$/, `[${i}]`);
  const up = button(t('moveUp'), () => structural((r) => {
    const items = resolvePath(r, list);
    [items[index - 1], items[index]] = [items[index], items[index - 1]];
  }, `${fieldId(at(index - 1))}-up`));
  up.id = `${fieldId(path)}-up`;
  up.disabled = index === 0;
  up.setAttribute('aria-label', name('moveUp'));
  const length = resolvePath(state.report, list)?.length ?? 0;
  const down = button(t('moveDown'), () => structural((r) => {
    const items = resolvePath(r, list);
    [items[index + 1], items[index]] = [items[index], items[index + 1]];
  }, `${fieldId(at(index + 1))}-down`));
  down.id = `${fieldId(path)}-down`;
  down.disabled = index >= length - 1;
  down.setAttribute('aria-label', name('moveDown'));
  const remove = button(t('remove'), () => {
    structural((r) => resolvePath(r, list).splice(index, 1));
    // Removing a section says how to take it back, and the keyboard goes on from the next one.
    if (list === 'sections') {
      say(t('removedSection', labelText));
      ($(`${fieldId(path)}-fold`) ?? $('add-section'))?.focus();
    }
  }, 'danger');
  remove.setAttribute('aria-label', name('remove'));
  bar.append(up, down, remove);
  return bar;
}

function renderForm() {
  const form = $('form');
  const active = document.activeElement?.id;
  form.replaceChildren();
  const report = state.report;
  if (!report || typeof report !== 'object') {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = t('nothing');
    form.append(p);
    return;
  }
  const texts = document.createElement('fieldset');
  texts.id = 'f-report';
  const legend = document.createElement('legend');
  legend.textContent = t('reportTexts');
  texts.append(legend);
  fieldControls(REPORT_FIELDS, report, '', texts);
  form.append(texts);

  const sections = Array.isArray(report.sections) ? report.sections : [];
  sections.forEach((section, s) => {
    const path = `sections[${s}]`;
    const box = document.createElement('fieldset');
    box.className = 'section';
    box.id = fieldId(path);
    const legendText = sectionName(section, s);
    const sectionLegend = document.createElement('legend');
    sectionLegend.textContent = legendText;
    const fold = document.createElement('details');
    fold.className = 'fold';
    const key = foldKey(section, s);
    fold.open = state.folds.get(key) ?? sections.length <= FOLD_FROM;
    fold.addEventListener('toggle', () => state.folds.set(key, fold.open));
    // Its words (kind, figures, problems) are written by markProblems, after every check.
    const summary = document.createElement('summary');
    summary.id = `${fieldId(path)}-fold`;
    // The section's title opens and closes it as its summary line does.
    sectionLegend.addEventListener('click', () => { fold.open = !fold.open; });
    fold.dataset.key = key;
    fold.dataset.section = String(s);
    fold.append(summary, moveControls('sections', s, path, legendText));
    box.append(sectionLegend, fold);
    if (!section || typeof section !== 'object') {
      form.append(box);
      return;
    }
    fieldControls(SECTION_FIELDS, section, path, fold);
    const figures = Array.isArray(section.figures) ? section.figures : [];
    const list = document.createElement('ol');
    list.className = 'figures';
    list.setAttribute('aria-label', t('named', t('figures'), legendText));
    figures.forEach((figure, f) => {
      const figurePath = `${path}.figures[${f}]`;
      const item = document.createElement('li');
      item.className = 'figure';
      item.id = fieldId(figurePath);
      const heading = document.createElement('p');
      heading.className = 'figure-heading';
      heading.textContent = figureName(figure, f);
      item.append(heading, moveControls(`${path}.figures`, f, figurePath, `${legendText} · ${heading.textContent}`));
      if (figure && typeof figure === 'object') fieldControls(FIGURE_FIELDS, figure, figurePath, item);
      list.append(item);
    });
    fold.append(list);
    const add = button(t('addFigure'), () => {
      const next = clone(state.report);
      const target = next.sections[s];
      if (!Array.isArray(target.figures)) target.figures = [];
      const unit = target.figures[0]?.unit ?? '个';
      // No value yet: the check lists it until one is typed, so a placeholder is never published.
      target.figures.push({ id: uniqueId(next, 'figure'), label: { zh: t('newFigure') }, value: null, unit });
      change(next);
      $(fieldId(`${path}.figures[${target.figures.length - 1}].label.zh`))?.focus();
    }, 'add');
    add.id = `${fieldId(path)}-add-figure`;
    add.setAttribute('aria-label', t('named', t('addFigure'), legendText));
    fold.append(add);
    form.append(box);
  });
  if (sections.length > FOLD_FROM) {
    const bar = document.createElement('div');
    bar.className = 'fold-all';
    const all = (open) => () => {
      sections.forEach((section, s) => state.folds.set(foldKey(section, s), open));
      for (const fold of form.querySelectorAll('details.fold')) fold.open = open;
    };
    bar.append(button(t('openAll'), all(true)), button(t('closeAll'), all(false)));
    bar.children[0].id = 'open-all';
    bar.children[1].id = 'close-all';
    texts.after(bar);
  }
  const addSection = button(t('addSection'), () => {
    const next = clone(state.report);
    if (!Array.isArray(next.sections)) next.sections = [];
    const id = uniqueId(next, 'section');
    state.folds.set(`id:${id}`, true);
    next.sections.push({ id, kind: 'stats', title: { zh: t('newSection') },
      figures: [{ id: uniqueId(next, 'figure'), label: { zh: t('newFigure') }, value: null, unit: '个' }] });
    change(next);
    $(fieldId(`sections[${next.sections.length - 1}].title.zh`))?.focus();
  }, 'add');
  addSection.id = 'add-section';
  form.append(addSection);
  if (active && $(active) && document.activeElement === document.body) $(active).focus();
  markProblems();
}

// ---- Checking ----

function check() {
  let problems;
  try {
    problems = validateReport(state.report, state.lang);
  } catch (error) {
    problems = [{ path: '', message: error?.message ?? String(error) }];
  }
  state.problems = (Array.isArray(problems) ? problems : []).map((p) => ({
    path: String(p.path ?? ''), message: String(p.message ?? ''), level: p.level === 'warning' ? 'warning' : 'error',
  }));
  const untranslated = withoutEnglish(state.report);
  if (untranslated.length) state.problems.push({ path: `${untranslated[0]}.en`, message: t('noEnglish', untranslated.length), level: 'warning' });
  renderProblems();
}

/** The paths of the texts readers see that have no English (the English version falls back to
 * the Chinese there): one warning for all of them, pointing at the first. */
function withoutEnglish(report) {
  if (!report || typeof report !== 'object') return [];
  const missing = [];
  const text = (value, path) => {
    if (typeof value === 'string' || (value && typeof value === 'object' && typeof value.zh === 'string' && !String(value.en ?? '').trim())) missing.push(path);
  };
  for (const key of ['title', 'subtitle', 'period', 'source']) if (report[key] !== undefined) text(report[key], key);
  (Array.isArray(report.sections) ? report.sections : []).forEach((section, s) => {
    text(section?.title, `sections[${s}].title`);
    if (section?.note !== undefined) text(section.note, `sections[${s}].note`);
    (Array.isArray(section?.figures) ? section.figures : []).forEach((figure, f) => text(figure?.label, `sections[${s}].figures[${f}].label`));
  });
  return missing;
}

/** The form control for `path`, or the nearest enclosing part of the form. */
function controlFor(path) {
  let candidate = path;
  for (;;) {
    const exact = $(fieldId(candidate)) ?? $(fieldId(`${candidate}.zh`));
    if (exact) return exact;
    const shorter = candidate.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (!candidate || shorter === candidate) return null;
    candidate = shorter;
  }
}

/** A section's name in the form: 板块 3:标题. */
function sectionName(section, s) {
  const title = section && typeof section === 'object' ? textParts(section.title)[state.lang] || textParts(section.title).zh : '';
  return title ? t('named', `${t('section')} ${s + 1}`, title) : `${t('section')} ${s + 1}`;
}

/** A figure's name in the form: 数据 2:名称. */
function figureName(figure, f) {
  const label = figure && typeof figure === 'object' ? textParts(figure.label).zh : '';
  return label ? t('named', `${t('figure')} ${f + 1}`, label) : `${t('figure')} ${f + 1}`;
}

/**
 * After an edit that does not rebuild the form: the sections' and figures' headings follow the
 * titles and names just typed (each fold's line follows in markProblems).
 */
function refreshHeadings() {
  const sections = Array.isArray(state.report?.sections) ? state.report.sections : [];
  sections.forEach((section, s) => {
    const box = $(fieldId(`sections[${s}]`));
    if (!box) return;
    const legend = box.querySelector(':scope > legend');
    if (legend) legend.textContent = sectionName(section, s);
    (Array.isArray(section?.figures) ? section.figures : []).forEach((figure, f) => {
      const heading = $(fieldId(`sections[${s}].figures[${f}]`))?.querySelector(':scope > .figure-heading');
      if (heading) heading.textContent = figureName(figure, f);
    });
  });
}

/** What a section's fold is remembered by: its id, so that it stays open when sections move. */
function foldKey(section, index) {
  return section && typeof section === 'object' && typeof section.id === 'string' && section.id ? `id:${section.id}` : `at:${index}`;
}

function focusField(path) {
  const control = path ? controlFor(path) : null;
  if (control) {
    // A field in a folded section: the section opens first.
    const fold = control.closest('details.fold');
    if (fold && !fold.open) fold.open = true;
    const focusable = control.matches('input, select, textarea, button') ? control : control.querySelector('input, select, textarea, button');
    (focusable ?? control).focus();
    (focusable ?? control).scrollIntoView({ block: 'center' });
    return;
  }
  const details = $('json-details');
  details.open = true;
  $('json').focus();
}

function problemButton(problem) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = `problem ${problem.level}`;
  const level = document.createElement('span');
  level.className = 'level';
  level.textContent = t(problem.level);
  const where = document.createElement('code');
  // Counted from 1 as the form counts (板块 43 · 数据 1 · unit); the JSON path on hover.
  where.textContent = problem.path ? humanPath(problem.path) : t('whole');
  if (problem.path) where.title = problem.path;
  const what = document.createElement('span');
  what.textContent = problem.message.startsWith(`${problem.path}: `) ? problem.message.slice(problem.path.length + 2) : problem.message;
  element.append(level, ' ', where, ' ', what);
  element.dataset.path = problem.path;
  element.addEventListener('click', () => focusField(problem.path));
  return element;
}

function humanPath(path) {
  const named = (key) => (typeof phrases[key] === 'string' ? phrases[key] : key);
  return path
    // A report-level field (title, period) by its name in the form, as the deeper ones are.
    .replace(/^([a-z_]+)(?=\.|$)/, (_, key) => named(key))
    .replace(/^sections\[(\d+)\]/, (_, n) => `${t('section')} ${Number(n) + 1}`)
    .replace(/\.figures\[(\d+)\]/, (_, n) => ` · ${t('figure')} ${Number(n) + 1}`)
    .replace(/\.([a-z_]+)(?=\.|$)/g, (_, key) => ` · ${named(key)}`)
    .replace(/\.(zh|en)$/, (_, lang) => ` (${phrases[lang]})`);
}

function renderProblems() {
  const list = $('problems');
  list.replaceChildren();
  for (const problem of state.problems) {
    const item = document.createElement('li');
    item.append(problemButton(problem));
    list.append(item);
  }
  const errors = errorCount();
  $('problem-count').textContent = state.report ? `(${t('problemCount', errors, state.problems.length - errors)})` : '';
  $('problems-ok').textContent = state.report && !state.problems.length ? t('noProblems') : '';
  markProblems();
}

/** Marks the form's fields and sections that have a problem. */
function markProblems() {
  for (const element of document.querySelectorAll('[aria-invalid="true"], .has-problem')) {
    element.removeAttribute('aria-invalid');
    element.classList.remove('has-problem');
  }
  for (const problem of state.problems.filter((p) => p.level === 'error')) {
    const control = problem.path ? controlFor(problem.path) : null;
    if (control?.matches('input, select')) control.setAttribute('aria-invalid', 'true');
    const section = /^sections\[(\d+)\]/.exec(problem.path);
    if (section) $(fieldId(`sections[${section[1]}]`))?.classList.add('has-problem');
  }
  // A folded section says what it holds and how many problems; one with a problem opens, unless
  // the editor has folded it since.
  for (const fold of document.querySelectorAll('#form details.fold')) {
    const path = `sections[${fold.dataset.section}]`;
    const section = state.report?.sections?.[Number(fold.dataset.section)];
    const errors = state.problems.filter((p) => p.level === 'error' && (p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`))).length;
    const kind = KINDS.includes(section?.kind) ? t(`kind_${section.kind}`) : '?';
    const figures = Array.isArray(section?.figures) ? section.figures.length : 0;
    fold.querySelector('summary').textContent = t('foldSummary', kind, figures, errors);
    if (errors && !fold.open && !state.folds.has(fold.dataset.key)) fold.open = true;
  }
}

// ---- The raw JSON view ----

function renderJson() {
  $('json').value = state.report === null ? '' : JSON.stringify(state.report, null, 2);
  $('json-status').textContent = '';
}

/** Where a JSON.parse error is, in the page's language (engines word it in English). */
function jsonError(error, text) {
  const message = String(error?.message ?? error);
  const at = /line (\d+) column (\d+)/.exec(message);
  if (at) return t('jsonWhere', Number(at[1]), Number(at[2]));
  const position = /position (\d+)/.exec(message);
  if (position) {
    const before = text.slice(0, Number(position[1])).split('\n');
    return t('jsonWhere', before.length, before[before.length - 1].length + 1);
  }
  return message;
}

/** Typing in the JSON box: applied once the typing pauses, so that a half-typed value
 * (68 on the way from 6.8 to 6,8) is not applied and saved on the way. */
function onJsonInput() {
  clearTimeout(jsonTimer);
  jsonTimer = setTimeout(applyJson, JSON_PAUSE_MS);
}

function applyJson() {
  clearTimeout(jsonTimer);
  jsonTimer = undefined;
  const text = $('json').value;
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    $('json').setAttribute('aria-invalid', 'true');
    $('json-status').textContent = t('jsonBad', jsonError(error, text));
    return;
  }
  if (notAReport(value)) {
    // A bare number or a list would replace the whole report.
    $('json').setAttribute('aria-invalid', 'true');
    $('json-status').textContent = t('jsonNotReport');
    return;
  }
  if (JSON.stringify(value) === JSON.stringify(state.report)) return;
  $('json').removeAttribute('aria-invalid');
  $('json-status').textContent = t('jsonOk');
  const now = Date.now();
  const coalesce = state.lastField === 'json' && now - state.lastAt < COALESCE_MS;
  if (!coalesce && state.report !== null) state.undo.push(JSON.stringify(state.report));
  state.redo = [];
  state.lastField = 'json';
  state.lastAt = now;
  state.report = value;
  afterChange({ rebuild: true, fromJson: true, history: !coalesce });
}

// ---- The preview ----

function schedulePreview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(drawPreviews, 120);
}

function drawPreviews() {
  const locale = $('preview-locale').value;
  const theme = $('preview-theme').value;
  let failure = null;
  for (const [which, width] of [['phone', PHONE_WIDTH], ['desktop', DESKTOP_WIDTH]]) {
    previews[which]?.destroy();
    previews[which]?.free();
    previews[which] = null;
    const old = $(`preview-${which}`);
    const canvas = document.createElement('canvas');
    canvas.id = old.id;
    old.replaceWith(canvas);
    if (!state.report) continue;
    try {
      previews[which] = new Infographic(canvas, state.report, { locale, theme, animate: false, ...(which === 'desktop' ? { width } : {}) });
      previews[which].render();
    } catch (error) {
      previews[which] = null;
      failure = error?.message ?? String(error);
    }
  }
  fitDesktop();
  const broken = state.problems.some((p) => p.level === 'error' && /^sections\[\d+\]/.test(p.path));
  say(failure ? t('previewFailed', failure) : broken ? t('previewBroken') : '', 'preview-status');
  $('frame-phone').classList.toggle('failed', Boolean(failure));
  $('frame-desktop').classList.toggle('failed', Boolean(failure));
  window.dispatchEvent(new Event('editor-preview'));
}

/**
 * Where the preview stands beside the form (a wide screen), it follows the section being
 * edited: the phone preview is scrolled to that section's first mark. A narrow screen, whose
 * preview is under the form, is left where the editor is.
 */
function followSection(event) {
  const container = document.querySelector('.preview');
  if (!container || getComputedStyle(container).position !== 'sticky') return;
  let element = event.target;
  while (element && !/^f-sections-\d+$/.test(element.id ?? '')) element = element.parentElement;
  const index = element ? Number(element.id.slice('f-sections-'.length)) : -1;
  const id = state.report?.sections?.[index]?.id;
  const mark = id === undefined ? undefined : previews.phone?.items().find((item) => item.section === id);
  if (!mark || index === state.followed) return;
  state.followed = index;
  const canvas = $('preview-phone');
  const top = canvas.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop + mark.y - 48;
  const behavior = matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  container.scrollTo({ top: Math.max(0, top), behavior });
  // The desktop preview, which scrolls on its own, to the same section's first mark.
  const frame = $('frame-desktop');
  const desktopMark = previews.desktop?.items().find((item) => item.section === id);
  if (frame && desktopMark && frame.scrollHeight > frame.clientHeight) {
    const desktop = $('preview-desktop');
    const scale = desktop.getBoundingClientRect().height / Math.max(1, desktop.offsetHeight);
    const at = desktop.getBoundingClientRect().top - frame.getBoundingClientRect().top + frame.scrollTop + desktopMark.y * scale - 24;
    frame.scrollTo({ top: Math.max(0, at), behavior });
  }
}

/** Scales the desktop preview (laid out at 1280 px) to the width its frame has. */
function fitDesktop() {
  const scaler = $('scaler');
  const viewport = scaler.parentElement;
  const canvas = $('preview-desktop');
  const available = viewport.clientWidth;
  if (!available) return;
  const scale = Math.min(1, available / DESKTOP_WIDTH);
  scaler.style.transform = `scale(${scale})`;
  viewport.style.height = `${Math.ceil(canvas.offsetHeight * scale)}px`;
}

// ---- Publishing ----

function fileName() {
  const name = $('file-name').value.trim().replace(/[\\/:*?"<>|\s]+/g, '-') || 'report.json';
  return /\.json$/i.test(name) ? name : `${name}.json`;
}

/** The report as it is published: formatted, `$schema` first. */
function publishedJson() {
  const { $schema: _, ...rest } = state.report ?? {};
  return `${JSON.stringify({ $schema: '../../report.schema.json', ...rest }, null, 2)}\n`;
}

function download(name, href) {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}

/** How many problems (not warnings) the report has. */
function errorCount() {
  return state.problems.filter((p) => p.level === 'error').length;
}

/** Refuses to make what readers see (the share image, the embed code) from a report with
 * problems, whose broken sections would show readers a notice, and says why. */
function publishBlocked() {
  if (!state.report) return true;
  const errors = errorCount();
  if (errors) say(t('publishBlocked', errors), 'publish-status');
  return errors > 0;
}

function downloadJson() {
  if (!state.report) return;
  const url = URL.createObjectURL(new Blob([publishedJson()], { type: 'application/json' }));
  download(fileName(), url);
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  const errors = errorCount();
  say(errors ? t('downloadedWithProblems', fileName(), errors) : t('downloaded', fileName()), 'publish-status');
}

function downloadPng() {
  if (publishBlocked()) return;
  const chart = previews.phone ?? previews.desktop;
  if (!chart) {
    say(t('pngFailed', t('nothing')), 'publish-status');
    return;
  }
  try {
    const name = fileName().replace(/\.json$/i, '.png');
    download(name, chart.shareImage(750));
    say(t('downloaded', name), 'publish-status');
  } catch (error) {
    say(t('pngFailed', error?.message ?? String(error)), 'publish-status');
  }
}

function embedSnippet() {
  // The readers' language is chosen under 发布, not taken from the preview's (an editor
  // proofreading the English would otherwise publish it to a Chinese page).
  const locale = $('publish-locale').value;
  return [
    '<link rel="modulepreload" href="/infographic/pkg/district_infographic.js">',
    '<link rel="preload" href="/infographic/pkg/district_infographic_bg.wasm" as="fetch" type="application/wasm" crossorigin>',
    `<link rel="preload" href="/infographic/reports/${fileName()}" as="fetch" type="application/json" crossorigin>`,
    '<script type="module" src="/infographic/pkg/element.js"></script>',
    // `make poster … OUT=snippet.html` puts the report's poster here: seen before the program
    // arrives. The element's shadow root is written in the page, so that the poster is laid out
    // once (js/element.js).
    `<district-infographic src="/infographic/reports/${fileName()}" locale="${locale}"><template shadowrootmode="open"><slot></slot></template><!-- poster --></district-infographic>`,
  ].join('\n');
}

function updateEmbed() {
  // No snippet to copy by hand from the box while the report has a problem (or is none).
  $('embed').value = state.report && !errorCount() ? embedSnippet() : '';
  $('svg-hint').textContent = t('svgHint', fileName());
  const page = fileName().replace(/\.json$/i, '.html');
  const locale = $('publish-locale').value === 'en' ? ' LOCALE=en' : '';
  $('poster-hint').textContent = t('posterHint', page, `make poster REPORT=www/reports/${fileName()} OUT=${page}${locale}`);
}

async function copyEmbed() {
  if (publishBlocked()) return;
  updateEmbed();
  try {
    await navigator.clipboard.writeText($('embed').value);
    say(t('copied'), 'publish-status');
  } catch {
    $('embed').focus();
    $('embed').select();
    say(t('copyManual'), 'publish-status');
  }
}

// ---- The page's language ----

function applyLanguage() {
  phrases = PHRASES[state.lang];
  root.lang = state.lang === 'en' ? 'en' : 'zh-CN';
  document.title = state.lang === 'en' ? 'Report editor · infographic' : '成绩单编辑器 · 信息图';
  for (const element of document.querySelectorAll('[data-phrase]')) element.textContent = t(element.dataset.phrase);
  for (const element of document.querySelectorAll('[data-phrase-label]')) element.setAttribute('aria-label', t(element.dataset.phraseLabel));
  $('ui-lang').value = state.lang;
  showSaved();
  renderForm();
  renderDraftWarnings();
  updateEmbed();
  if (state.report !== null) check();
}

// ---- Start ----

function wire() {
  $('undo').addEventListener('click', undo);
  $('redo').addEventListener('click', redo);
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (event.target?.id === 'article') return;
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      undo();
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      event.preventDefault();
      redo();
    }
  });
  $('draft').addEventListener('click', () => draftFromArticle($('article').value));
  $('open-file').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    if (file) await openFile(file);
    event.target.value = '';
  });
  $('json').addEventListener('input', onJsonInput);
  $('form').addEventListener('focusin', followSection);
  // Leaving the box applies what it holds at once.
  $('json').addEventListener('change', () => { if (jsonTimer !== undefined) applyJson(); });
  $('ui-lang').addEventListener('change', () => {
    state.lang = $('ui-lang').value === 'en' ? 'en' : 'zh';
    applyLanguage();
  });
  $('preview-locale').addEventListener('change', drawPreviews);
  $('publish-locale').addEventListener('change', () => { updateEmbed(); save({ history: false }); });
  $('preview-theme').addEventListener('change', drawPreviews);
  $('preview-which').addEventListener('change', () => {
    root.dataset.preview = $('preview-which').value;
    fitDesktop();
  });
  $('file-name').addEventListener('input', () => { updateEmbed(); save({ history: false }); });
  $('download-json').addEventListener('click', downloadJson);
  $('download-png').addEventListener('click', downloadPng);
  $('copy-embed').addEventListener('click', copyEmbed);
  new ResizeObserver(fitDesktop).observe($('frame-desktop'));
  // Every change is written at once (synchronously); this is a last write on the way out.
  addEventListener('pagehide', () => {
    if (jsonTimer !== undefined) applyJson();
    save();
  });
}

async function start() {
  root.dataset.state = 'loading';
  root.dataset.preview = 'phone';
  $('preview-locale').value = state.lang;
  $('preview-theme').value = params.get('theme') === 'dark' ? 'dark' : 'light';
  try {
    await init();
  } catch {
    root.dataset.state = 'error';
    say(state.lang === 'en' ? 'The program failed to load; reload the page.' : '程序加载失败,请刷新页面重试。');
    return;
  }
  wire();
  const restored = restore();
  applyLanguage();
  renderJson();
  updateButtons();
  if (restored) {
    renderDraftWarnings();
    check();
    drawPreviews();
    say(t('restored', timeText(state.savedAt)));
  } else {
    say(t('empty'));
  }
  window.editor = {
    /** A report object, a report's JSON text, or an article's text (drafted). */
    async load(input) {
      if (typeof input !== 'string') {
        loadReport(input);
        return true;
      }
      let value;
      try {
        value = JSON.parse(input);
      } catch {
        $('article').value = input;
        return draftFromArticle(input);
      }
      loadReport(value);
      return true;
    },
    report: () => (state.report === null ? null : clone(state.report)),
    problems: () => state.problems.map((p) => ({ ...p })),
    previewItems: () => previews.phone?.items() ?? [],
    desktopItems: () => previews.desktop?.items() ?? [],
    canUndo: () => state.undo.length,
    flush: drawPreviews,
  };
  root.dataset.state = 'ready';
}

start();
