/** A SHA-256 fingerprint in groups of four bytes, so an admin can compare it with the console's page. */
export function Fingerprint({ value, testId }: { value: string; testId?: string }) {
  const bytes = value.replace(/:/g, '').toUpperCase().match(/../g) ?? []
  const groups: string[] = []
  for (let index = 0; index < bytes.length; index += 4) groups.push(bytes.slice(index, index + 4).join(':'))
  return (
    <code className="fingerprint" data-testid={testId} aria-label={`SHA-256 fingerprint ${bytes.join(' ')}`}>
      {groups.map((group, index) => (
        <span key={index}>{group}</span>
      ))}
    </code>
  )
}
