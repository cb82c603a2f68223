import type { enShell } from './shell.en';

/** Danish texts of the console's shell. */
export const daShell: typeof enShell = {
  shell: {
    loading: 'Åbner skærmbilledet…',
    renewalFailed: 'Dit login kunne ikke fornyes. Det, du har skrevet, bliver på siden, indtil du forlader den; log ind igen for at fortsætte her.',
    signInAgain: 'Log ind igen',
    signOut: 'Log ud',
    signingOut: 'Logger ud…',
  },
};
