import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { isStreamEvent, streamWork } from '#lib/alerts/stream';

const record = (
  eventName: DynamoDBRecord['eventName'],
  pk: string,
  state: string,
  seq: string,
): DynamoDBRecord => ({
  eventName,
  dynamodb: {
    Keys: { pk: { S: pk } },
    NewImage: { pk: { S: pk }, state: { S: state } },
    SequenceNumber: seq,
  },
});

describe("the alerts table's stream", () => {
  it('sends new deliveries and dead-letters the ones that turned failing', () => {
    const event: DynamoDBStreamEvent = {
      Records: [
        record('INSERT', 'delivery#al_1.ops', 'pending', '100'),
        record('MODIFY', 'delivery#al_1.ops', 'delivered', '101'),
        record('INSERT', 'window#10#k#2026-12-01T10:00:00.000Z', 'x', '102'),
        record('MODIFY', 'delivery#al_2.chat', 'failing', '103'),
        record('INSERT', 'delivery#al_3.chat', 'pending', '104'),
      ],
    };
    expect(isStreamEvent(event)).toBe(true);
    expect(streamWork(event)).toEqual({ fresh: ['al_1.ops', 'al_3.chat'], failing: ['103'] });
  });

  it('tells a schedule event from a stream batch', () => {
    expect(isStreamEvent({ source: 'aws.events', 'detail-type': 'Scheduled Event' })).toBe(false);
    expect(isStreamEvent(null)).toBe(false);
  });
});
