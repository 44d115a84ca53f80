// What only a machine should read, found in the text a person sees (issue 14): snake_case codes,
// ISO timestamps, "LEGAL.md", untranslated i18n keys, LEGAL.md status tags, raw "#12" ids, rule ids,
// clock ids on their own, login names, English words, and deadlines written as "2026-03-23 24:00".
// Spec 15 crawls every page of every role with it; other specs check the pages they screenshot.

/** The demo accounts (README), whose login names must not be shown outside account management. */
export const DEMO_USERS = [
  'handler',
  'handler2',
  'head',
  'liaison',
  'coordinator',
  'police',
  'prosecutor',
  'judge',
  'legalaid',
  'leader',
  'sysadmin',
  'secadmin',
  'auditor',
];

/**
 * Text that is legitimately shown although it looks like machine text. Each entry is removed from
 * the page text before the checks run; keep it short and say why.
 */
const ALLOWED = [
  // The published demo password, quoted by the banner that warns about it on every page (README).
  'WageLink#2026',
  // The product's name in the footer and on the sign-in page.
  'WageLink',
];

/**
 * Where a login name is the thing shown: account management lists accounts by login name, the
 * sessions page shows whose session it is, and the login log records the name that was typed
 * (which may belong to nobody). There, the cells of the 用户名/账号 columns may hold login names,
 * and so may an element marked data-login-name (the user's own account card on the workbench:
 * the name they sign in with). Likewise an element marked data-rule-id: the key of a time-limit
 * rule (L08) in the system administrator's catalogue of the district's rule files (系统设置), shown
 * beside the rule's name for the one person who maintains those files.
 */
const LOGIN_NAME_COLUMNS = /^(用户名|账号|登录名|登录账号)$/;

const DEMO_LOGIN_NAMES = DEMO_USERS.join('|');

/** Each rule: a name for the report and a pattern; the matched token is reported. */
const RULES = [
  { name: 'snake_case code', pattern: /\b[a-z]+(?:_[a-z0-9]+)+\b/g },
  { name: 'ISO timestamp', pattern: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g },
  { name: 'LEGAL.md', pattern: /LEGAL\.md/gi },
  // a.b or a.bC.d: an i18n key (menu.caseList) or an audit action (auth.login). URLs, e-mail
  // addresses, domain names and file names are removed before this rule runs.
  { name: 'dotted key', pattern: /\b[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9_]*)+\b/g },
  { name: 'status tag', pattern: /\b(?:CONFIRMED|SECONDARY|UNCONFIRMED|LOCAL|DERIVED|PLATFORM_SETTING)\b/g },
  { name: 'raw id', pattern: /#\s?\d+/g },
  { name: 'rule id', pattern: /\bRL-[A-Z][A-Z-]*/g },
  { name: 'clock id', pattern: /\bL\d{1,2}\b/g },
  { name: 'login name', pattern: new RegExp(`\\b(?:${DEMO_LOGIN_NAMES})\\b`, 'g') },
  // Any other lower-case English word in the Chinese UI ("ok", "(red)", "walk_in"'s parts).
  { name: 'English word', pattern: /(?<![A-Za-z0-9])[a-z]{2,}(?![A-Za-z0-9])/g },
  { name: 'machine deadline', pattern: /\d{4}-\d{2}-\d{2} 24:00/g },
];

/** URLs, e-mail addresses, domain names and file names are shown as they are. */
const SHOWN_AS_IS = [
  /\b(?:https?|ftp):\/\/[^\s，。）)]+/g,
  /\bwww\.[^\s，。）)]+/g,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /[\w\u4e00-\u9fa5（）()-]*\.(?:pdf|docx?|xlsx?|zip|csv|json|png|jpe?g|txt|ofd)\b/gi,
  /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:cn|com|org|net)\b/g,
];

export function machineTokens(text) {
  let rest = text;
  for (const allowed of ALLOWED) rest = rest.split(allowed).join(' ');
  for (const pattern of SHOWN_AS_IS) rest = rest.replace(pattern, ' ');
  const found = [];
  for (const { name, pattern } of RULES) {
    for (const match of rest.matchAll(pattern)) {
      const start = Math.max(0, match.index - 20);
      const context = rest.slice(start, match.index + match[0].length + 20).replace(/\s+/g, ' ');
      found.push(`${name}: "${match[0]}" in "…${context}…"`);
    }
  }
  return found;
}

/**
 * The text a person sees: the body, minus exactly the login names allowed above (those elements are
 * hidden while the text is read, so the same word elsewhere on the page is still checked).
 */
export async function visibleText(page) {
  return page.evaluate((columnSource) => {
    const column = new RegExp(columnSource);
    const hidden = [...document.querySelectorAll('[data-login-name], [data-rule-id]')];
    for (const table of document.querySelectorAll('.el-table')) {
      const headers = [...table.querySelectorAll('.el-table__header-wrapper th')].map((th) => th.innerText.trim());
      for (const row of table.querySelectorAll('.el-table__body-wrapper tr')) {
        [...row.children].forEach((cell, index) => {
          if (column.test(headers[index] ?? '')) hidden.push(cell);
        });
      }
    }
    const before = hidden.map((element) => element.style.display);
    for (const element of hidden) element.style.display = 'none';
    const text = document.body.innerText;
    hidden.forEach((element, index) => (element.style.display = before[index]));
    return text;
  }, LOGIN_NAME_COLUMNS.source);
}


/** Fails with every machine token on the page as it stands (`where` names it in the message). */
export async function assertPlainText(page, where) {
  const found = machineTokens(await visibleText(page));
  if (found.length > 0) throw new Error(`${where} shows machine text:\n  ${found.join('\n  ')}`);
}
