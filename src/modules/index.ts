// The one list of modules. Adding a module = one folder under src/modules/ and one line here;
// configuration (DEZVOLT_DISABLED_MODULES) decides which ones run.
import type { ModuleManifest } from '../core/modules/manifest.ts';
import { reportsModule } from './reports/manifest.ts';
import { budgetsModule } from './budgets/manifest.ts';
import { spacesModule } from './spaces/manifest.ts';
import { proposalsModule } from './proposals/manifest.ts';
import { commentsModule } from './comments/manifest.ts';
import { searchModule } from './search/manifest.ts';
import { notificationsModule } from './notifications/manifest.ts';
import { surveysModule } from './surveys/manifest.ts';
import { meetingsModule } from './meetings/manifest.ts';
import { consultationsModule } from './consultations/manifest.ts';
import { citydataModule } from './citydata/manifest.ts';

export const allModules: ModuleManifest[] = [reportsModule, spacesModule, notificationsModule, proposalsModule, commentsModule, surveysModule, meetingsModule, consultationsModule, budgetsModule, citydataModule, searchModule];
