/** A text/event-stream answer, written in the chunks given. */
export function eventStream(...chunks: string[]): Response {
  const encoder = new TextEncoder();
  return new Response(new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  }), { headers: { 'Content-Type': 'text/event-stream' } });
}

export const sse = (event: string, id: number, data: unknown) => `event:${event}\nid:${id}\ndata:${JSON.stringify(data)}\n\n`;
