/** Loads something from a channel when `key` changes; keeps the last good value while it reloads. The renderer's one Loaded<T>. */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppError, Result } from '../../../shared/result'

export interface Loaded<T> {
  value: T | null
  error: AppError | null
  loading: boolean
  reload: () => void
}

interface Answer<T> {
  token: string
  value: T | null
  error: AppError | null
}

export function useLoad<T>(load: () => Promise<Result<T>>, key: string): Loaded<T> {
  const [round, setRound] = useState(0)
  const token = `${key}#${round}`
  const [answer, setAnswer] = useState<Answer<T>>({ token: '', value: null, error: null })
  const loader = useRef(load)
  useEffect(() => {
    loader.current = load
  })
  useEffect(() => {
    let live = true
    void loader.current().then((result) => {
      if (!live) return
      setAnswer((previous) =>
        result.ok
          ? { token, value: result.value, error: null }
          : { token, value: previous.value, error: result.error }
      )
    })
    return () => {
      live = false
    }
  }, [token])
  const reload = useCallback(() => setRound((r) => r + 1), [])
  return { value: answer.value, error: answer.error, loading: answer.token !== token, reload }
}
