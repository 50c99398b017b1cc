// npm run users -- add <username> --role trainee|senior|lead [--team <team>] [--name "Full Name"]
//                  list | passwd <username> | disable <username> | enable <username>
// Passwords are read from standard input (one line). Honours DESK_DATA_DIR; the server must be stopped.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readConfig } from '../server/config.ts';
import { openJsonFileStore } from '../server/db/json-file-store.ts';
import { AccountService } from '../server/auth/accounts.ts';
import { SessionService } from '../server/auth/sessions.ts';
import { roleSchema, usernameSchema } from '../domain/people/roles.ts';

const USAGE = `Usage:
  npm run users -- add <username> --role trainee|senior|lead [--team <team>] [--name "Full Name"]
  npm run users -- list
  npm run users -- passwd <username>
  npm run users -- disable <username>
  npm run users -- enable <username>
The password is read from standard input, e.g.  printf '%s\\n' 'a long password' | npm run users -- add ana --role trainee --team order-desk`;

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is visible; pipe it in to keep it off the screen): ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string' }, team: { type: 'string' }, name: { type: 'string' } },
  });
  const [command, rawUsername] = positionals;
  if (!command || !['add', 'list', 'passwd', 'disable', 'enable'].includes(command)) fail(USAGE);
  const config = readConfig();
  const store = await openJsonFileStore(config.DESK_DATA_DIR);
  try {
    const accounts = new AccountService(store);
    if (command === 'list') {
      const rows = accounts.users.map(
        (user) => `${user.username.padEnd(16)} ${user.role.padEnd(8)} ${(user.team ?? '-').padEnd(14)} ${user.disabled ? 'disabled' : 'active  '} ${user.name}`,
      );
      console.log(rows.length ? rows.join('\n') : 'No accounts yet. Add one with: npm run users -- add <username> --role lead --team <team>');
      return;
    }
    const username = usernameSchema.safeParse(rawUsername ?? '');
    if (!username.success) fail(`"${rawUsername ?? ''}" is not a valid username: ${username.error.issues[0]?.message}\n\n${USAGE}`);
    if (command === 'add') {
      const role = roleSchema.safeParse(values.role);
      if (!role.success) fail(`--role must be trainee, senior or lead${values.role ? `, not "${values.role}"` : ''}.\n\n${USAGE}`);
      const team =
        values.team === undefined
          ? undefined
          : z
              .string()
              .regex(/^[a-z0-9-]{2,40}$/)
              .safeParse(values.team);
      if (team && !team.success) fail('--team must be 2-40 lowercase letters, digits or hyphens, like order-desk.');
      if (role.data !== 'senior' && !team?.data) fail(`A ${role.data} belongs to a team: add --team <team>.`);
      const user = await accounts.add({
        username: username.data,
        role: role.data,
        team: team?.data,
        name: values.name ?? username.data,
        password: await readPassword(),
      });
      console.log(`Added ${user.username} (${user.role}${user.team ? `, team ${user.team}` : ''}).`);
    } else if (command === 'passwd') {
      await accounts.setPassword(username.data, await readPassword());
      await new SessionService(store).destroyAllFor(username.data);
      console.log(`Password changed for ${username.data}; their sessions were ended.`);
    } else {
      await accounts.setDisabled(username.data, command === 'disable');
      if (command === 'disable') await new SessionService(store).destroyAllFor(username.data);
      console.log(`${username.data} is ${command === 'disable' ? 'disabled and logged out' : 'active again'}.`);
    }
  } finally {
    store.close();
  }
}

main().catch((error: Error) => fail(error.message));
