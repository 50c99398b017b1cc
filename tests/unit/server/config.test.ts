import { describe, expect, test } from 'vitest';
import { readConfig } from '../../../src/server/config.ts';

describe('settings read at start', () => {
  test('DESK_TRUSTED_PROXY lists proxy addresses; anything else stops the start with what to write', () => {
    expect(readConfig({}).DESK_TRUSTED_PROXY).toEqual([]);
    expect(readConfig({ DESK_TRUSTED_PROXY: '127.0.0.1, ::1' }).DESK_TRUSTED_PROXY).toEqual(['127.0.0.1', '::1']);
    expect(() => readConfig({ DESK_TRUSTED_PROXY: 'proxy.example.com' })).toThrow(
      /DESK_TRUSTED_PROXY="proxy.example.com": DESK_TRUSTED_PROXY must list the IP addresses/,
    );
  });

  test('DESK_WRITE_LIMIT is a whole number of writes per minute', () => {
    expect(readConfig({}).DESK_WRITE_LIMIT).toBe(20);
    expect(readConfig({ DESK_WRITE_LIMIT: '60' }).DESK_WRITE_LIMIT).toBe(60);
    expect(() => readConfig({ DESK_WRITE_LIMIT: '0' })).toThrow(/DESK_WRITE_LIMIT must be at least 1/);
    expect(() => readConfig({ DESK_WRITE_LIMIT: 'lots' })).toThrow(/DESK_WRITE_LIMIT="lots"/);
  });

  test('DESK_PUBLISH_REVIEW is required (the default) or self; anything else stops the start and names both', () => {
    expect(readConfig({}).DESK_PUBLISH_REVIEW).toBe('required');
    expect(readConfig({ DESK_PUBLISH_REVIEW: 'self' }).DESK_PUBLISH_REVIEW).toBe('self');
    expect(() => readConfig({ DESK_PUBLISH_REVIEW: 'yes' })).toThrow(/DESK_PUBLISH_REVIEW="yes": must be one of required, self/);
  });
});
