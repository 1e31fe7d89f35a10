const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })

/** 'DE' -> 'Germany' (the code itself when unknown). */
export function countryName(code: string | null): string | null {
  if (!code) return null
  try {
    return regionNames.of(code) ?? code
  } catch {
    return code
  }
}
