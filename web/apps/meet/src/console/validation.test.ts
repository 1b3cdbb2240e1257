import { describe, expect, it } from 'vitest';
import { MIN_AUTO_DELETION_MS, autoDeletionError, colorError, passwordErrors, roomNameError, webhookUrlError } from './validation';

describe('validation', () => {
  it('accepts the four hex colour forms only', () => {
    for (const ok of ['#abc', '#abcd', '#A1B2C3', '#a1b2c3d4']) expect(colorError(ok)).toBeNull();
    for (const bad of ['abc', '#ab', '#abcde', '#ggg', 'red', '']) expect(colorError(bad)).toBe('Must be a valid hex color code (with or without alpha)');
  });

  it('limits room names to 50 characters', () => {
    expect(roomNameError('x'.repeat(50))).toBeNull();
    expect(roomNameError('x'.repeat(51))).toBe('roomName cannot exceed 50 characters');
  });

  it('wants auto deletion at least 61 minutes ahead', () => {
    const now = 1_000_000_000_000;
    expect(autoDeletionError(null, now)).toBeNull();
    expect(autoDeletionError(now + MIN_AUTO_DELETION_MS, now)).toBeNull();
    expect(autoDeletionError(now + 60 * 60 * 1000, now)).toContain('61 minutes');
    expect(autoDeletionError(Number.NaN, now)).toBe('Choose a valid date and time');
  });

  it('checks webhook URLs like the server', () => {
    expect(webhookUrlError('', true)).toBe('URL is required when webhooks are enabled');
    expect(webhookUrlError('', false)).toBeNull();
    expect(webhookUrlError('not a url', false)).toBe('Must be a valid URL');
    expect(webhookUrlError('ftp://x.example/hook', true)).toBe('URL must start with http:// or https://');
    expect(webhookUrlError('https://x.example/hook', true)).toBeNull();
  });

  it('checks the change-password form', () => {
    expect(passwordErrors({ current: 'admin', next: 'abcde', confirm: 'abcde' })).toEqual({});
    expect(passwordErrors({ current: '', next: 'abc', confirm: 'x' })).toEqual({
      current: 'Enter your current password',
      next: 'New password must be at least 5 characters long',
      confirm: 'The passwords do not match',
    });
    expect(passwordErrors({ current: 'admin1', next: 'admin1', confirm: 'admin1' }).next).toBe('The new password must differ from the current one');
  });
});
