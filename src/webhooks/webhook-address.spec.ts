import { isPublicAddress, resolveHost } from './webhook-address';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '100.64.0.1',
    '169.254.169.254',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'fd00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a00:1',
    'not an address',
  ])('refuses %s', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each(['8.8.8.8', '93.184.216.34', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('accepts %s', (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );
});

describe('resolveHost', () => {
  it('judges an address literal without asking DNS, brackets and all', async () => {
    expect(await resolveHost('[::1]', false)).toEqual({ refusal: { reason: 'private', address: '::1' } });
    expect(await resolveHost('127.0.0.1', true)).toEqual({ addresses: [{ address: '127.0.0.1', family: 4 }] });
    expect(await resolveHost('8.8.8.8', false)).toEqual({ addresses: [{ address: '8.8.8.8', family: 4 }] });
  });

  it('refuses a name that resolves to loopback, and one that does not resolve', async () => {
    expect(await resolveHost('localhost', false)).toMatchObject({ refusal: { reason: 'private' } });
    expect(await resolveHost('no-such-host.invalid', true)).toEqual({ refusal: { reason: 'unresolvable' } });
  });
});
