const STORAGE_KEY = 'tenang.lastUsername';

/** The username last signed in on this computer, offered first on the unlock screen. */
export function lastUsername(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberUsername(username: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, username);
  } catch {
    // Only a convenience.
  }
}
