// The one list of modules. Adding a module = one folder under src/modules/ and one line here;
// configuration (DEZVOLT_DISABLED_MODULES) decides which ones run.
import type { ModuleManifest } from '../core/modules/manifest.ts';
import { reportsModule } from './reports/manifest.ts';

export const allModules: ModuleManifest[] = [reportsModule];
