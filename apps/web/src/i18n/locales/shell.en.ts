/** English texts of the console's shell: a screen being fetched, the sign-in kept alive, signing out. */
export const enShell = {
  shell: {
    loading: 'Opening the screen…',
    renewalFailed: 'Your sign-in could not be renewed. What you typed stays on this page until you leave it; sign in again to go on here.',
    signInAgain: 'Sign in again',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
  },
};
