import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JoinError, MeetingClient, type LeaveReason, type RemoteTrack } from '../src/index';
import { FakePeerConnection, FakeTrack, fakeWorld, flush, joinedMessage, participant, type FakeWorld } from './fakes';

async function connect(world: FakeWorld, others: string[] = [], departureTimeoutMs = 20000): Promise<MeetingClient> {
  const pending = MeetingClient.connect('ws://127.0.0.1/ws/v1/rtc', 'tok-1', { environment: world.env, qualityIntervalMs: 0 });
  await flush();
  const socket = world.socket();
  socket.open();
  await flush();
  socket.receive(joinedMessage(socket.last('join').requestId, 'me', others, departureTimeoutMs));
  return pending;
}

function publisherPc(index = 0): FakePeerConnection {
  const pc = FakePeerConnection.all[index * 2];
  if (!pc) throw new Error('no publisher pc');
  return pc;
}

async function answerLastOffer(world: FakeWorld, trackIds: Record<string, string>): Promise<void> {
  await flush();
  const socket = world.socket();
  const offer = socket.last('publishOffer') as { requestId: string; tracks: { mid: string; source: string }[] };
  socket.receive({
    type: 'publishAnswer',
    requestId: offer.requestId,
    sdp: 'server-answer',
    tracks: offer.tracks.map((t) => ({ mid: t.mid, trackId: trackIds[t.source] ?? `TR_${t.source}`, kind: t.source === 'microphone' ? 'audio' : 'video', source: t.source, muted: false })),
  });
  await flush();
}

describe('MeetingClient', () => {
  let world: FakeWorld;
  beforeEach(() => {
    vi.useFakeTimers();
    world = fakeWorld();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('joins with the token and exposes the room and the others', async () => {
    const client = await connect(world, ['bob']);
    expect(world.socket().url).toBe('ws://127.0.0.1/ws/v1/rtc');
    expect(world.socket().last('join')).toMatchObject({ type: 'join', token: 'tok-1' });
    expect(world.socket().last('join')).not.toHaveProperty('reconnect');
    expect(client.self.participantId).toBe('me');
    expect(client.room.roomName).toBe('Room 1');
    expect([...client.participants.keys()]).toEqual(['bob']);
    expect(client.connectionState).toBe('connected');
    expect(FakePeerConnection.all).toHaveLength(2);
  });

  it('rejects with JoinError carrying the server code when the join is refused', async () => {
    const pending = MeetingClient.connect('ws://127.0.0.1/ws', 'bad', { environment: world.env, qualityIntervalMs: 0 });
    await flush();
    world.socket().open();
    await flush();
    world.socket().receive({ type: 'error', requestId: world.socket().last('join').requestId, code: 'room_closed', message: 'closed' });
    await expect(pending).rejects.toBeInstanceOf(JoinError);
    await expect(pending).rejects.toMatchObject({ code: 'room_closed' });
  });

  it('publishes a camera: offer maps mid to source and the answer assigns the track id', async () => {
    const client = await connect(world);
    const cam = new FakeTrack('video');
    const published = client.publishCamera(cam as unknown as MediaStreamTrack);
    await answerLastOffer(world, { camera: 'TR_cam000000001' });
    const entry = await published;
    expect(world.socket().last('publishOffer')).toMatchObject({ sdp: 'offer-1', tracks: [{ mid: '0', source: 'camera', muted: false }] });
    expect(entry.trackId).toBe('TR_cam000000001');
    expect(publisherPc().remoteDescription).toEqual({ type: 'answer', sdp: 'server-answer' });
  });

  it('coalesces changes made during a renegotiation into exactly one follow-up offer', async () => {
    const client = await connect(world);
    const a = client.publishCamera(new FakeTrack('video') as unknown as MediaStreamTrack);
    await flush();
    const b = client.publishMicrophone(new FakeTrack('audio') as unknown as MediaStreamTrack);
    const c = client.publishScreen({ track: new FakeTrack('video') as unknown as MediaStreamTrack });
    await answerLastOffer(world, {});
    expect(world.socket().sentOfType('publishOffer')).toHaveLength(2);
    await answerLastOffer(world, {});
    await Promise.all([a, b, c]);
    const offers = world.socket().sentOfType('publishOffer') as { tracks: { source: string }[] }[];
    expect(offers).toHaveLength(2);
    expect(offers[1]?.tracks.map((t) => t.source).sort()).toEqual(['camera', 'microphone', 'screen_share']);
    expect(publisherPc().offers).toBe(2);
  });

  it('replaces the shared screen in place without renegotiating', async () => {
    const client = await connect(world);
    const first = client.publishScreen({ track: new FakeTrack('video') as unknown as MediaStreamTrack });
    await answerLastOffer(world, { screen_share: 'TR_screen00001' });
    await first;
    await expect(client.publishScreen({ track: new FakeTrack('video') as unknown as MediaStreamTrack })).rejects.toMatchObject({ code: 'already_sharing' });
    const second = new FakeTrack('video');
    const replaced = await client.publishScreen({ replace: true, track: second as unknown as MediaStreamTrack });
    expect(replaced.trackId).toBe('TR_screen00001');
    expect(publisherPc().transceivers[0]?.sender.track).toBe(second);
    expect(world.socket().sentOfType('publishOffer')).toHaveLength(1);
  });

  it('unpublishes when the browser ends the screen share and reuses the m-section later', async () => {
    const client = await connect(world);
    const screen = new FakeTrack('video');
    const p = client.publishScreen({ track: screen as unknown as MediaStreamTrack });
    await answerLastOffer(world, {});
    await p;
    screen.fire('ended');
    await answerLastOffer(world, {});
    const offers = world.socket().sentOfType('publishOffer') as { tracks: unknown[] }[];
    expect(offers).toHaveLength(2);
    expect(offers[1]?.tracks).toEqual([]);
    expect(publisherPc().transceivers[0]?.direction).toBe('inactive');
    const cam = client.publishCamera(new FakeTrack('video') as unknown as MediaStreamTrack);
    await answerLastOffer(world, {});
    await cam;
    expect(publisherPc().transceivers).toHaveLength(1);
    expect(publisherPc().transceivers[0]?.direction).toBe('sendonly');
  });

  it('sends mute with the assigned track id and disables the track', async () => {
    const client = await connect(world);
    const mic = new FakeTrack('audio');
    const p = client.publishMicrophone(mic as unknown as MediaStreamTrack);
    await answerLastOffer(world, { microphone: 'TR_mic000000001' });
    await p;
    client.setMuted('microphone', true);
    expect(mic.enabled).toBe(false);
    expect(world.socket().last('mute')).toMatchObject({ trackId: 'TR_mic000000001', muted: true });
  });

  it('answers subscribe offers in order and maps mids to remote tracks', async () => {
    const client = await connect(world, ['bob']);
    const subscribed: RemoteTrack[] = [];
    const removed: string[] = [];
    client.on('trackSubscribed', (t) => subscribed.push(t));
    client.on('trackUnsubscribed', (t) => removed.push(t.trackId));
    const socket = world.socket();
    socket.receive({
      type: 'subscribeOffer',
      sdp: 'v=0\nm=audio 9\na=mid:0\nm=video 9\na=mid:1',
      tracks: [
        { mid: '0', trackId: 'TR_a', participantId: 'bob', kind: 'audio', source: 'microphone' },
        { mid: '1', trackId: 'TR_v', participantId: 'bob', kind: 'video', source: 'camera' },
      ],
    });
    socket.receive({
      type: 'subscribeOffer',
      sdp: 'v=0\nm=audio 9\na=mid:0\nm=video 9\na=mid:1',
      tracks: [{ mid: '0', trackId: 'TR_a', participantId: 'bob', kind: 'audio', source: 'microphone' }],
    });
    await flush(40);
    expect(socket.sentOfType('subscribeAnswer')).toHaveLength(2);
    expect(subscribed.map((t) => [t.trackId, t.participantId, t.track.kind])).toEqual([
      ['TR_a', 'bob', 'audio'],
      ['TR_v', 'bob', 'video'],
    ]);
    expect(removed).toEqual(['TR_v']);
    expect(client.subscribedTracks.map((t) => t.trackId)).toEqual(['TR_a']);
  });

  it('keeps participant state and emits typed events', async () => {
    const client = await connect(world, ['bob']);
    const seen: string[] = [];
    client.on('participantJoined', (p) => seen.push(`joined:${p.participantId}`));
    client.on('participantUpdated', (p) => seen.push(`updated:${p.participantId}:${p.tracks.length}`));
    client.on('participantLeft', (p, r) => seen.push(`left:${p.participantId}:${r}`));
    client.on('chat', (m) => seen.push(`chat:${m.name}:${m.text}`));
    client.on('reaction', (r) => seen.push(`reaction:${r.emoji}`));
    client.on('activeSpeakers', (s) => seen.push(`speakers:${s.map((x) => x.participantId).join()}`));
    client.on('roleChanged', (r) => seen.push(`role:${r.participantId}:${r.role}:${r.isSelf}:${r.secret ?? ''}`));
    const s = world.socket();
    s.receive({ type: 'participantJoined', participant: participant('carol') });
    s.receive({ type: 'trackPublished', participantId: 'carol', track: { trackId: 'TR_1', kind: 'video', source: 'camera', muted: false } });
    s.receive({ type: 'chat', id: 'c1', participantId: 'carol', name: 'Carol', text: 'hi', sentAt: 5 });
    s.receive({ type: 'reaction', participantId: 'carol', emoji: '🎉' });
    s.receive({ type: 'activeSpeakers', speakers: [{ participantId: 'carol', level: 0.8 }] });
    s.receive({ type: 'roleChanged', participantId: 'me', role: 'speaker', secret: 'abc' });
    s.receive({ type: 'participantLeft', participantId: 'bob', reason: 'participant_kicked' });
    s.receive({ type: 'participantLeft', participantId: 'nobody', reason: 'voluntary_leave' });
    s.receiveRaw('not json');
    expect(seen).toEqual([
      'joined:carol',
      'updated:carol:1',
      'chat:Carol:hi',
      'reaction:🎉',
      'speakers:carol',
      'updated:me:0',
      'role:me:speaker:true:abc',
      'left:bob:participant_kicked',
    ]);
    expect(client.self.role).toBe('speaker');
    expect([...client.participants.keys()]).toEqual(['carol']);
  });

  it('requests chat with trimming and refuses empty text locally', async () => {
    const client = await connect(world);
    const sent = client.sendChat('  hello  ');
    const s = world.socket();
    const msg = s.last('chat');
    expect(msg.text).toBe('hello');
    s.receive({ type: 'ok', requestId: msg.requestId });
    await expect(sent).resolves.toBeUndefined();
    await expect(client.sendChat('   ')).rejects.toMatchObject({ code: 'bad_message' });
    const refused = client.sendChat('x');
    s.receive({ type: 'error', requestId: s.last('chat').requestId, code: 'chat_disabled', message: 'off' });
    await expect(refused).rejects.toMatchObject({ code: 'chat_disabled' });
  });

  it('lowers its own hand with raiseHand false and someone else’s with lowerHand', async () => {
    const client = await connect(world, ['bob']);
    void client.raiseHand();
    void client.lowerHand();
    void client.lowerHand('bob');
    const s = world.socket();
    expect(s.sentOfType('raiseHand').map((m) => m.raised)).toEqual([true, false]);
    expect(s.last('lowerHand').participantId).toBe('bob');
  });

  it('reports the server’s leave reason and stops local tracks', async () => {
    const client = await connect(world);
    const cam = new FakeTrack('video');
    const p = client.publishCamera(cam as unknown as MediaStreamTrack);
    await answerLastOffer(world, {});
    await p;
    const reasons: LeaveReason[] = [];
    client.on('left', (r) => reasons.push(r));
    world.socket().receive({ type: 'left', reason: 'participant_kicked' });
    world.socket().serverClose(1000);
    expect(reasons).toEqual(['participant_kicked']);
    expect(cam.stopped).toBe(true);
    expect(client.connectionState).toBe('disconnected');
    expect(FakePeerConnection.all.every((pc) => pc.closed)).toBe(true);
  });

  it('leave sends leave and resolves on the server answer', async () => {
    const client = await connect(world);
    const done = client.leave();
    expect(world.socket().sentOfType('leave')).toHaveLength(1);
    world.socket().receive({ type: 'left', reason: 'voluntary_leave' });
    await expect(done).resolves.toBeUndefined();
  });

  it('treats a room-closed close code as the meeting ending, without reconnecting', async () => {
    const client = await connect(world);
    const reasons: LeaveReason[] = [];
    client.on('left', (r) => reasons.push(r));
    world.socket().serverClose(4409);
    await vi.advanceTimersByTimeAsync(5000);
    expect(reasons).toEqual(['meeting_ended']);
    expect(world.sockets).toHaveLength(1);
  });

  it('reconnects after an unexpected close with reconnect:true and republishes its tracks', async () => {
    const client = await connect(world, ['bob']);
    const cam = new FakeTrack('video');
    const p = client.publishCamera(cam as unknown as MediaStreamTrack);
    await answerLastOffer(world, { camera: 'TR_cam1' });
    await p;
    const states: string[] = [];
    client.on('connectionStateChanged', (s) => states.push(s));
    const left: string[] = [];
    client.on('participantLeft', (x) => left.push(x.participantId));
    world.socket().serverClose(1006);
    expect(states).toEqual(['reconnecting']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(world.sockets).toHaveLength(2);
    const second = world.socket(1);
    second.open();
    await flush();
    expect(second.last('join')).toMatchObject({ token: 'tok-1', reconnect: true });
    second.receive(joinedMessage(second.last('join').requestId, 'me', []));
    await answerLastOffer(world, { camera: 'TR_cam2' });
    expect(states).toEqual(['reconnecting', 'connected']);
    expect(second.last('publishOffer')).toMatchObject({ tracks: [{ source: 'camera' }] });
    expect(client.localTracks.get('camera')?.track).toBe(cam);
    expect(client.localTracks.get('camera')?.trackId).toBe('TR_cam2');
    expect(left).toEqual(['bob']);
    expect(FakePeerConnection.all).toHaveLength(4);
    expect(FakePeerConnection.all[0]?.closed).toBe(true);
  });

  it('gives up with network_disconnect once the departure timeout has passed', async () => {
    const client = await connect(world, [], 3000);
    const reasons: LeaveReason[] = [];
    client.on('left', (r) => reasons.push(r));
    world.socket().serverClose(1006);
    for (let i = 0; i < 20 && reasons.length === 0; i++) {
      await vi.advanceTimersByTimeAsync(500);
      const s = world.socket();
      if (s.readyState === 0 && s.onclose) s.serverClose(1006);
    }
    expect(reasons).toEqual(['network_disconnect']);
    expect(world.sockets.length).toBeGreaterThan(2);
    expect(world.sockets.length).toBeLessThan(12);
  });

  it('starts over as a reconnection when ICE fails on a peer connection', async () => {
    const client = await connect(world);
    const states: string[] = [];
    client.on('connectionStateChanged', (s) => states.push(s));
    FakePeerConnection.all[1]?.failIce();
    expect(states).toEqual(['reconnecting']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(world.sockets).toHaveLength(2);
  });

  it('sends keep-alive pings every 5 s', async () => {
    await connect(world);
    await vi.advanceTimersByTimeAsync(15000);
    expect(world.socket().sentOfType('ping')).toHaveLength(3);
  });
});
