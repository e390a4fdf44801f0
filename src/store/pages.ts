import type { Store } from './store.js'
import type { EventQuery, StoredEvent } from './types.js'

/** Every event matching q, page after page through the cursor: exports never hold them all at once. */
export async function* allPages(queryEvents: Store['queryEvents'], q: EventQuery): AsyncIterable<StoredEvent> {
  let cursor = q.cursor
  for (;;) {
    const page = await queryEvents({ ...q, limit: 1000, ...(cursor ? { cursor } : {}) })
    yield* page.events
    if (!page.next) return
    cursor = page.next
  }
}
