import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import type { Config } from '../core/config/config.ts';
import { closeContext, createContext } from '../core/create-context.ts';
import { createAdmin } from '../core/admin/create-admin.ts';
import { MIN_PASSWORD_LENGTH } from '../core/auth/password.ts';

async function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('set DEZVOLT_ADMIN_PASSWORD when stdin is not a terminal');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  try {
    return await rl.question(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  } finally {
    rl.close();
  }
}

export async function runCreateAdmin(config: Config, argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email || !values.name) {
    console.error('usage: dezvolt create-admin --email you@city.ro --name "Your Name"  (password from DEZVOLT_ADMIN_PASSWORD or a prompt)');
    return 1;
  }
  const password = process.env.DEZVOLT_ADMIN_PASSWORD ?? (await promptPassword());
  const ctx = await createContext(config);
  try {
    const outcome = await createAdmin(ctx, { email: values.email, name: values.name, password });
    switch (outcome.kind) {
      case 'created':
        console.log(`administrator ${values.email} created`);
        return 0;
      case 'promoted':
        console.log(`${values.email} already had an account; it is now an administrator (password unchanged)`);
        return 0;
      case 'invalid':
        console.error(outcome.reason);
        return 1;
    }
  } finally {
    await closeContext(ctx);
  }
}
