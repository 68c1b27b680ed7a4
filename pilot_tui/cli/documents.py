"""The commands that read or write files besides the register: ``snapshot``, ``import``,
``backups`` and ``restore``. The work is :mod:`pilot_tui.ops`; here the arguments are
checked and the result said."""

from __future__ import annotations

import argparse
from pathlib import Path

from pilot_tui.cli.context import (
    open_readonly,
    open_writable,
    resolve_peildatum,
    resolve_window,
    store_path,
    warn_store,
)
from pilot_tui.cli.output import EXIT_OK, UsageError, err, out, progress
from pilot_tui.periods import format_date


def formats_help() -> str:
    """ "docx (standaard), md, html, csv of json": the formats, the default first."""
    from pilot_tui.snapshot import DEFAULT_FORMAT, FORMATS

    others = [name for name in FORMATS if name != DEFAULT_FORMAT]
    listed = f"{', '.join(others[:-1])} of {others[-1]}" if len(others) > 1 else "".join(others)
    return f"{DEFAULT_FORMAT} (standaard), {listed}" if listed else DEFAULT_FORMAT


def snapshot_format(asked: str | None, output: Path | None) -> str:
    """The format: as asked, else as the output file's extension says, else Word. A file named for another format than asked is refused (a ".md" file
    holding Word), and so is an extension that names no format when none was asked
    (".txt")."""
    from pilot_tui.snapshot import DEFAULT_FORMAT, FORMATS, format_of

    said = format_of(output) if output is not None else None
    if asked is None:
        if output is not None and output.suffix and said is None:
            raise UsageError(
                f"{output}: welk formaat? {output.suffix} is geen van {', '.join(FORMATS)}; "
                f"geef --format of een naam op .docx, .md, …"
            )
        return said or DEFAULT_FORMAT
    if said is not None and said != asked:
        raise UsageError(
            f"{output}: de extensie .{said} past niet bij --format {asked}; "
            f"kies een andere naam of laat --format weg"
        )
    return asked


def cmd_snapshot(args: argparse.Namespace) -> int:
    from pilot_tui.ops.snapshot import check_target, write_snapshot
    from pilot_tui.snapshot import FORMATS, SnapshotOptions, default_filename, default_summary

    fmt = snapshot_format(args.format, args.output)
    spec = FORMATS[fmt]
    if args.template is not None and not spec.template:
        raise UsageError("--template is er alleen voor Word (--format docx)")
    if args.toc and not spec.toc:
        raise UsageError("--toc is er alleen voor Word (--format docx)")
    if args.track_changes and not spec.track_changes:
        raise UsageError("--track-changes is er alleen voor Word (--format docx)")
    if args.track_changes and args.since is None:
        raise UsageError("--track-changes vraagt --since DATUM: de peildatum om mee te vergelijken")
    if args.template is not None:
        # the Word package code only when a template is given: the other formats never
        # load it
        from pilot_tui.snapshot.wordpkg import TemplateError, load_template

        try:
            load_template(args.template)  # a bad template: said before any work
        except TemplateError as exc:
            raise UsageError(str(exc)) from None

    with open_readonly(args) as store:
        register = store.register
    peildatum = resolve_peildatum(args, register)
    if args.since is not None and args.since >= peildatum:
        raise UsageError(
            f"--since ({format_date(args.since)}) moet voor de peildatum "
            f"({format_date(peildatum)}) liggen"
        )
    target: Path = args.output or Path(default_filename(peildatum, fmt))
    check_target(target, store_path(args), force=args.force)
    options = SnapshotOptions(
        peildatum=peildatum,
        window=resolve_window(args),
        since=args.since,
        summary=default_summary(fmt) if args.summary is None else args.summary,
        group_by=args.group_by,
        annex=args.annex,
        track_changes=args.track_changes,
    )
    written = write_snapshot(
        register,
        options,
        fmt,
        target,
        store_path(args),
        template=args.template,
        toc=args.toc,
        build_progress=progress("pilots gelezen"),
        render_progress=progress(f"onderdelen van {fmt} geschreven"),
    )
    assert written is not None  # nothing cancels it here
    out(
        f"{written.path} geschreven ({written.pilots} pilots, peildatum "
        f"{format_date(written.peildatum)})"
    )
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from pilot_tui.ops.importing import (
        NoPeildatum,
        apply_import,
        import_new,
        plan_import,
        preview_import,
    )

    source: Path = args.file
    try:  # PDF, Word or text, by its content
        plan = plan_import(
            source,
            args.peildatum,
            progress=progress("pilots gelezen"),
            pages=progress("bladzijden gelezen", minimum=10, every=10),
        )
    except NoPeildatum:
        raise UsageError(f"{source}: geen peildatum gevonden; geef --peildatum") from None
    path = store_path(args)
    for warning in plan.warnings:
        err(f"waarschuwing: {warning}")
    if not path.exists():
        report = import_new(plan, path, dry_run=args.dry_run)
        out(
            ("(proefdraai) " if args.dry_run else "")
            + f"nieuw register {path}: "
            + report.summary()
        )
        return EXIT_OK
    if args.dry_run:
        with open_readonly(args) as store:
            warn_store(store)
            report = preview_import(plan, store.register, update=args.update)
        out("(proefdraai, niets geschreven) " + report.summary())
        return EXIT_OK
    with open_writable(args) as store:
        report = apply_import(plan, store, update=args.update)
    out(report.summary())
    return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    from pilot_tui.ops.backups import backups

    path = store_path(args)
    found = backups(path)
    if not found:
        out(f"geen reservekopieën van {path}")
    for b in found:
        out(str(b))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from pilot_tui.ops.backups import restore

    restored = restore(store_path(args), args.backup)
    if restored.saved is not None:
        out(f"huidige versie bewaard als {restored.saved}")
    out(f"{restored.backup} teruggezet als {restored.path}")
    return EXIT_OK
