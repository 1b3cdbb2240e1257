// Client-side checks mirroring the server's rules, so the console explains a problem before sending anything.

const HEX = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

/** Contract §7.2: `#RGB`, `#RGBA`, `#RRGGBB` or `#RRGGBBAA`. */
export function colorError(value: string): string | null {
  return HEX.test(value) ? null : 'Must be a valid hex color code (with or without alpha)';
}

/** Contract §3.2: at most 50 characters, counted before trimming. */
export function roomNameError(value: string): string | null {
  return value.length > 50 ? 'roomName cannot exceed 50 characters' : null;
}

/** The wizard demands 61 minutes so the request still passes the server's one-hour minimum when it arrives. */
export const MIN_AUTO_DELETION_MS = 61 * 60 * 1000;

export function autoDeletionError(date: number | null, now: number): string | null {
  if (date === null) return null;
  if (!Number.isFinite(date)) return 'Choose a valid date and time';
  return date - now < MIN_AUTO_DELETION_MS ? 'The auto-deletion date must be at least 61 minutes from now' : null;
}

/** Contract §5 webhooks: a URL is required when enabled and must be http(s). */
export function webhookUrlError(url: string, enabled: boolean): string | null {
  const text = url.trim();
  if (!text) return enabled ? 'URL is required when webhooks are enabled' : null;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return 'Must be a valid URL';
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? null : 'URL must start with http:// or https://';
}

export interface PasswordForm {
  current: string;
  next: string;
  confirm: string;
}

export function passwordErrors(form: PasswordForm): Partial<Record<keyof PasswordForm, string>> {
  const errors: Partial<Record<keyof PasswordForm, string>> = {};
  if (!form.current) errors.current = 'Enter your current password';
  if (form.next.length < 5) errors.next = 'New password must be at least 5 characters long';
  else if (form.next === form.current) errors.next = 'The new password must differ from the current one';
  if (form.confirm !== form.next) errors.confirm = 'The passwords do not match';
  return errors;
}

/** `<input type=datetime-local>` value (local time) ⇄ epoch ms. */
export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? Number.NaN : ms;
}
