import type { enShell } from './shell.en';

/** Swedish texts of the console's shell. */
export const svShell: typeof enShell = {
  shell: {
    loading: 'Öppnar vyn…',
    renewalFailed: 'Din inloggning kunde inte förnyas. Det du skrivit finns kvar på sidan tills du lämnar den; logga in igen för att fortsätta här.',
    signInAgain: 'Logga in igen',
    signOut: 'Logga ut',
    signingOut: 'Loggar ut…',
  },
};
