; 核销台 Hexiao Station: hooks included into electron-builder's NSIS installer (nsis.include in
; electron-builder.config.ts). electron-builder's templates do the real work; the macro names below are
; the hooks they call (test/packaging checks each one exists in app-builder-lib/templates/nsis).

!macro customHeader
  ; IT wants to see what is installed where.
  ShowInstDetails show
  !ifdef BUILD_UNINSTALLER
    ShowUninstDetails show
  !endif
!macroend

!macro customInstall
  DetailPrint "核销台 / Hexiao Station → $INSTDIR"
  DetailPrint "数据目录 / data: %APPDATA%\Hexiao Station (per Windows user; first run opens in training mode)"
!macroend

!macro customUnInstall
  ; deleteAppDataOnUninstall is false: the ledger stays. Say so, so nobody assumes it was removed.
  DetailPrint "核销记录已保留 / Redemption data kept: %APPDATA%\Hexiao Station"
!macroend
