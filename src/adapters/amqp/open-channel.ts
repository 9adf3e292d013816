import type { Channel, ChannelModel } from 'amqplib';

/** A raw channel whose server-side errors surface as rejected calls instead of an unhandled 'error' event. */
export const openChannel = async (connection: ChannelModel): Promise<Channel> => {
  const channel = await connection.createChannel();
  channel.on('error', () => undefined);
  return channel;
};
