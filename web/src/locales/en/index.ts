import type { MessageSchema } from '../zh-CN';

// English — a chunk of its own, loaded only when someone reads the app in English
// (locales/index.ts). Each feature file is typed by its Chinese twin.

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

const en: MessageSchema = {
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

export default en;
