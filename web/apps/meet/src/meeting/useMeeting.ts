import { useEffect, useReducer, useRef, useState } from 'react';
import type { ConnectionQuality, ConnectionState, MeetingClient } from '@convene/client';
import { SpeakerHistory } from '../lib/layout';
import type { ChatEntry } from './ChatPanel';

export interface FloatingReaction {
  id: number;
  emoji: string;
  name: string;
  offset: number;
}

/** Subscribes a component to the client's state: re-renders on every change and keeps chat, speakers and reactions. */
export function useMeeting(client: MeetingClient, chatOpen: boolean) {
  const [, bump] = useReducer((x: number) => x + 1, 0);
  const [chat, setChat] = useState<ChatEntry[]>([]);
  const [unread, setUnread] = useState(0);
  const [speakers, setSpeakers] = useState<{ participantId: string; level: number }[]>([]);
  const [quality, setQuality] = useState<Map<string, ConnectionQuality>>(new Map());
  const [reactions, setReactions] = useState<FloatingReaction[]>([]);
  const [connection, setConnection] = useState<ConnectionState>(client.connectionState);
  const [justReconnected, setJustReconnected] = useState(false);
  const history = useRef(new SpeakerHistory());
  const chatOpenRef = useRef(chatOpen);
  chatOpenRef.current = chatOpen;
  const reactionId = useRef(0);

  useEffect(() => {
    if (chatOpen) setUnread(0);
  }, [chatOpen]);

  useEffect(() => {
    const offs = [
      client.on('participantJoined', bump),
      client.on('participantUpdated', bump),
      client.on('participantLeft', (p) => {
        history.current.forget(p.participantId);
        bump();
      }),
      client.on('trackSubscribed', bump),
      client.on('trackUnsubscribed', bump),
      client.on('trackMuted', bump),
      client.on('localTracksChanged', bump),
      client.on('roomConfigUpdated', bump),
      client.on('recordingStatus', bump),
      client.on('roleChanged', bump),
      client.on('activeSpeakers', (s) => {
        history.current.update(s, Date.now());
        setSpeakers(s);
      }),
      client.on('connectionQuality', setQuality),
      client.on('connectionStateChanged', (s) => {
        setConnection((prev) => {
          if (prev === 'reconnecting' && s === 'connected') setJustReconnected(true);
          return s;
        });
      }),
      client.on('chat', (m) => {
        setChat((list) => [...list.slice(-499), { ...m, mine: m.participantId === client.self.participantId }]);
        if (!chatOpenRef.current && m.participantId !== client.self.participantId) setUnread((n) => n + 1);
      }),
      client.on('reaction', (r) => {
        const name = r.participantId === client.self.participantId ? client.self.name : (client.participants.get(r.participantId)?.name ?? '');
        const id = ++reactionId.current;
        setReactions((list) => [...list.slice(-19), { id, emoji: r.emoji, name, offset: (id * 37) % 60 }]);
        window.setTimeout(() => setReactions((list) => list.filter((x) => x.id !== id)), 4000);
      }),
    ];
    // Keep the smart-mosaic history moving while the speaker set stays the same.
    const tick = window.setInterval(() => {
      history.current.update(latest.current, Date.now());
    }, 500);
    return () => {
      offs.forEach((off) => off());
      window.clearInterval(tick);
    };
  }, [client]);

  const latest = useRef(speakers);
  latest.current = speakers;

  useEffect(() => {
    if (!justReconnected) return;
    const t = window.setTimeout(() => setJustReconnected(false), 2500);
    return () => window.clearTimeout(t);
  }, [justReconnected]);

  return { chat, unread, speakers, quality, reactions, connection, justReconnected, history: history.current };
}
