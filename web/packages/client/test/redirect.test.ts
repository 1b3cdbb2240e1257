import { describe, expect, it } from 'vitest';
import { resolveLeaveRedirect } from '../src/redirect';

describe('resolveLeaveRedirect', () => {
  it.each([
    ['/bye', 'http://127.0.0.1:5000', 'http://127.0.0.1:5000/bye'],
    ['done?x=1', 'https://host.example', 'https://host.example/done?x=1'],
    ['https://example.org/x', 'http://127.0.0.1:5000', 'https://example.org/x'],
    ['http://example.org', 'https://host.example', 'http://example.org/'],
  ])('%s against %s is %s', (value, origin, expected) => {
    expect(resolveLeaveRedirect(value, origin)).toBe(expected);
  });

  it.each([['javascript:alert(1)'], ['data:text/html,hi'], ['ftp://example.org/f'], ['http://[::1']])('refuses %s', (value) => {
    expect(resolveLeaveRedirect(value, 'https://host.example')).toBeNull();
  });

  it('has nothing to resolve without a value', () => {
    expect(resolveLeaveRedirect(null, 'https://host.example')).toBeNull();
    expect(resolveLeaveRedirect('', 'https://host.example')).toBeNull();
  });
});
