import type { AnyMessages } from './catalog.ts';
import { uiMessages } from '../ui/messages.ts';
import { authMessages } from '../auth/messages.ts';
import { privacyMessages } from '../privacy/messages.ts';
import { adminMessages } from '../admin/messages.ts';
import { openDataMessages } from '../open-data/messages.ts';

/** Core catalogs by feature; modules bring their own through their manifest. */
export const coreMessages: [string, AnyMessages][] = [
  ['core/ui', uiMessages],
  ['core/auth', authMessages],
  ['core/privacy', privacyMessages],
  ['core/admin', adminMessages],
  ['core/open-data', openDataMessages],
];
