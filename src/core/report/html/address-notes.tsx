import type { AddressNoteView } from '../address-notes.js'

/** What integrations know about an address: one muted line each, with a link to its public page. */
export function AddressNotes({ notes }: { notes: readonly AddressNoteView[] | undefined }) {
  if (!notes || notes.length === 0) return null
  return (
    <>
      {notes.map((note, index) => (
        <div className="muted" key={index}>
          {note.text}
          {note.href ? (
            <>
              {' · '}
              <a href={note.href} rel="noopener noreferrer">
                {new URL(note.href).hostname}
              </a>
            </>
          ) : null}
        </div>
      ))}
    </>
  )
}
