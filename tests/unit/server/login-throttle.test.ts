import { describe, expect, test } from 'vitest';
import { LoginThrottle, THROTTLE_RULES } from '../../../src/server/auth/throttle.ts';
import { clientAddress, throttleKey } from '../../../src/server/http/client-address.ts';

const failTimes = (throttle: LoginThrottle, times: number, username: string, address: string) => {
  for (let n = 0; n < times; n++) throttle.begin(username, address);
};

describe('LoginThrottle', () => {
  test('an account from one address slows down with doubling delays; another address is not slowed', () => {
    let now = 0;
    const throttle = new LoginThrottle({ now: () => now });
    failTimes(throttle, THROTTLE_RULES.pair.free, 'ava', '10.0.0.1');
    expect(throttle.retryAfter('ava', '10.0.0.1')).toBe(1);
    expect(throttle.retryAfter('ava', '10.0.0.2')).toBe(0);
    expect(throttle.retryAfter('ben', '10.0.0.1')).toBe(0);
    now += 1000;
    expect(throttle.retryAfter('ava', '10.0.0.1')).toBe(0);
    throttle.begin('ava', '10.0.0.1');
    expect(throttle.retryAfter('ava', '10.0.0.1')).toBe(2);
    throttle.begin('ava', '10.0.0.1');
    expect(throttle.retryAfter('ava', '10.0.0.1')).toBe(4);
    failTimes(throttle, 20, 'ava', '10.0.0.1');
    expect(throttle.retryAfter('ava', '10.0.0.1')).toBe(THROTTLE_RULES.pair.maxDelayMs / 1000);
  });

  test('a login in flight counts before its outcome, and a success clears the pair', () => {
    const throttle = new LoginThrottle({ now: () => 0 });
    const tries = Array.from({ length: THROTTLE_RULES.pair.free }, () => throttle.begin('ava', '10.0.0.1'));
    expect(throttle.retryAfter('ava', '10.0.0.1')).toBeGreaterThan(0);
    tries[0]!.succeeded();
    expect(throttle.retryAfter('ava', '10.0.0.1')).toBe(0);
  });

  test('one address failing across many accounts is slowed too, with a shorter cap', () => {
    let now = 0;
    const throttle = new LoginThrottle({ now: () => now });
    for (let n = 0; n < THROTTLE_RULES.address.free; n++) throttle.begin(`user${n}`, '10.0.0.9');
    expect(throttle.retryAfter('someone-else', '10.0.0.9')).toBe(1);
    for (let n = 0; n < 30; n++) throttle.begin(`more${n}`, '10.0.0.9');
    expect(throttle.retryAfter('someone-else', '10.0.0.9')).toBe(THROTTLE_RULES.address.maxDelayMs / 1000);
    expect(throttle.retryAfter('someone-else', '10.0.0.10')).toBe(0);
    now += THROTTLE_RULES.address.forgetMs + 1;
    expect(throttle.retryAfter('someone-else', '10.0.0.9')).toBe(0);
  });

  test('memory is bounded: past the cap the least recently touched keys are forgotten', () => {
    const throttle = new LoginThrottle({ now: () => 0, maxKeys: 10 });
    failTimes(throttle, THROTTLE_RULES.pair.free, 'oldest', '10.0.0.1');
    expect(throttle.retryAfter('oldest', '10.0.0.1')).toBe(1);
    for (let n = 0; n < 50; n++) throttle.begin(`spray${n}`, `10.0.1.${n}`);
    expect(throttle.size).toBe(10);
    expect(throttle.retryAfter('oldest', '10.0.0.1')).toBe(0);
    // The newest are still there.
    failTimes(throttle, THROTTLE_RULES.pair.free - 1, 'spray49', '10.0.1.49');
    expect(throttle.retryAfter('spray49', '10.0.1.49')).toBe(1);
    expect(throttle.size).toBe(10);
  });
});

describe('client addresses', () => {
  test('X-Forwarded-For counts only from a trusted proxy, and only its nearest untrusted hop', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.7', [])).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '203.0.113.7', ['127.0.0.1'])).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.1, 203.0.113.7', ['127.0.0.1'])).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.2', '203.0.113.7, 10.0.0.1', ['10.0.0.1', '10.0.0.2'])).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.5', '203.0.113.7', ['10.0.0.1'])).toBe('10.0.0.5');
    expect(clientAddress('127.0.0.1', 'not-an-address', ['127.0.0.1'])).toBe('127.0.0.1');
  });

  test('IPv6 clients are throttled by their /64 network, IPv4 ones by their address', () => {
    expect(throttleKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(throttleKey('2001:db8::5')).toBe('2001:db8:0:0::/64');
    expect(throttleKey('::1')).toBe('0:0:0:0::/64');
    expect(throttleKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(throttleKey('192.0.2.1')).toBe('192.0.2.1');
  });
});
