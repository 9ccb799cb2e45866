"""`/api/v1/sessions`: pseudonym vaults in memory; export/import encrypted with a passphrase."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Response
from pydantic import BaseModel, ConfigDict, Field

from redacta.api.deps import get_vaults
from redacta.api.errors import ErrorMessage
from redacta.redaction import vault_crypto
from redacta.redaction.vault import Vault, VaultStore

router = APIRouter(prefix="/sessions", tags=["sessions"])

MIN_PASSPHRASE = 8


class SessionOut(BaseModel):
    """A session: its id and how many labels its vault holds."""

    session_id: str
    labels: int = Field(description="Number of labels in the vault.")


class ExportRequest(BaseModel):
    """Passphrase that encrypts the export."""

    model_config = ConfigDict(extra="forbid")

    passphrase: str = Field(min_length=MIN_PASSPHRASE, max_length=1024)


class ExportResponse(BaseModel):
    """The encrypted vault as text (scrypt + AES-256-GCM); keep it with the passphrase."""

    blob: str


#: What an export looks like: base64url salt (16 bytes), nonce (12) and ciphertext (15+).
VAULT_BLOB_PATTERN = (
    r"^redacta-vault\.v1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{16}\."
    r"(?:[A-Za-z0-9_-]{4}){5,}(?:[A-Za-z0-9_-]{2,3})?$"
)


class ImportRequest(BaseModel):
    """An exported vault and its passphrase."""

    model_config = ConfigDict(extra="forbid")

    passphrase: str = Field(min_length=1, max_length=1024)
    blob: str = Field(
        min_length=1,
        description="The `blob` of an export: `redacta-vault.v1.<salt>.<nonce>.<ciphertext>`.",
        json_schema_extra={"pattern": VAULT_BLOB_PATTERN},
    )


def _vault_or_404(vaults: VaultStore, session_id: str) -> Vault:
    vault = vaults.get(session_id)
    if vault is None:
        raise HTTPException(404, "Unknown session: it was deleted, or the app was restarted.")
    return vault


@router.post("", summary="Create a session", status_code=201)
def create_session(vaults: Annotated[VaultStore, Depends(get_vaults)]) -> SessionOut:
    """A new, empty vault kept in memory until deleted or the app exits."""
    return SessionOut(session_id=vaults.create(), labels=0)


@router.delete("/{session_id}", summary="Delete a session", status_code=204)
def delete_session(session_id: str, vaults: Annotated[VaultStore, Depends(get_vaults)]) -> Response:
    """Forget the session's vault (its labels can no longer be restored)."""
    if not vaults.delete(session_id):
        raise HTTPException(404, "Unknown session.")
    return Response(status_code=204)


@router.post("/{session_id}/export", summary="Export a session's vault, encrypted")
def export_session(
    session_id: str, body: ExportRequest, vaults: Annotated[VaultStore, Depends(get_vaults)]
) -> ExportResponse:
    """The vault encrypted with the passphrase."""
    vault = _vault_or_404(vaults, session_id)
    return ExportResponse(blob=vault_crypto.encrypt(vault.to_dict(), body.passphrase))


@router.post(
    "/import",
    summary="Import an exported vault as a new session",
    status_code=201,
    responses={
        403: {"model": ErrorMessage, "description": "Wrong passphrase (or a modified export)."}
    },
)
def import_session(
    body: ImportRequest, vaults: Annotated[VaultStore, Depends(get_vaults)]
) -> SessionOut:
    """Decrypt the blob; a wrong passphrase (or a modified export) is a 403 saying so, a blob
    that is not an export a 400."""
    try:
        vault = Vault.from_dict(vault_crypto.decrypt(body.blob, body.passphrase))
    except vault_crypto.WrongPassphraseError as exc:
        raise HTTPException(403, str(exc)) from None
    except vault_crypto.VaultDecryptError as exc:
        raise HTTPException(400, str(exc)) from None
    except ValueError:
        raise HTTPException(400, "The vault export is damaged: it holds no valid vault.") from None
    return SessionOut(session_id=vaults.create(vault), labels=len(vault))
