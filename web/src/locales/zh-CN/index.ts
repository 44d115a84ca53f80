// Simplified Chinese — the primary language of WageLink, bundled with the app. One file per
// feature; en/ has the same files with exactly the same keys (the types and a unit test enforce it).
// vue-i18n syntax: {name} interpolates; never use a bare "@" or "|" in a message.

import common from './common';
import auth from './auth';
import workbench from './workbench';
import system from './system';
import audit from './audit';
import caseCodes from './caseCodes';
import cases from './cases';
import caseWork from './caseWork';
import steps from './steps';
import risks from './risks';
import projects from './projects';
import meetings from './meetings';
import inbox from './inbox';
import dashboard from './dashboard';
import settings from './settings';
import bulletins from './bulletins';
import exposure from './exposure';
import worklist from './worklist';
import systemConsole from './console';
import announcements from './announcements';
import recommendations from './recommendations';

const zhCN = {
  ...common,
  ...auth,
  ...workbench,
  ...system,
  ...audit,
  ...caseCodes,
  ...cases,
  ...caseWork,
  ...steps,
  ...risks,
  ...projects,
  ...meetings,
  ...inbox,
  ...dashboard,
  ...settings,
  ...bulletins,
  ...exposure,
  ...worklist,
  ...systemConsole,
  ...announcements,
  ...recommendations,
};

export type MessageSchema = typeof zhCN;
export default zhCN;
