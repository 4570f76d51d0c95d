#!/usr/bin/env python3
"""check_catalogues.py SOURCE_ROOT

Fails when any patient-facing string is missing from, untranslated in, or fuzzy in any catalogue of
po/LINGUAS; when a translation drops or invents a {placeholder}; or when a source file under src/ui
that calls tr("...") is missing from po/POTFILES (its strings would never reach a translator).
The strings are extracted afresh from the sources with xgettext, so a new tr() fails this test until
every catalogue has it. Exit 77 (skipped) when gettext's tools are not installed."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

root = sys.argv[1]
po_dir = os.path.join(root, 'po')
for tool in ('xgettext', 'msgcmp', 'msgfmt'):
    if not shutil.which(tool):
        print(f'{tool} is not installed (Debian package gettext)')
        sys.exit(77)

failures = []
potfiles = [l.strip() for l in open(os.path.join(po_dir, 'POTFILES')) if l.strip() and not l.startswith('#')]
for dirpath, _, names in os.walk(os.path.join(root, 'src', 'ui')):
    for n in names:
        if not n.endswith('.cpp'):
            continue
        rel = os.path.relpath(os.path.join(dirpath, n), root)
        if rel == 'src/ui/i18n.cpp':
            continue
        if re.search(r'\btr\("', open(os.path.join(root, rel), encoding='utf-8').read()) and rel not in potfiles:
            failures.append(f'{rel} calls tr() but is not listed in po/POTFILES')

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, 'longstop.pot')
    subprocess.run(['xgettext', '--keyword=tr', '--keyword=trIn:2', '--from-code=UTF-8', '--language=C++',
                    '-D', root, '-f', os.path.join(po_dir, 'POTFILES'), '-o', pot], check=True)
    msgids = []

    def entries(path):
        """(msgid, msgstr, fuzzy) for every entry of a .po/.pot file but the header."""
        text = open(path, encoding='utf-8').read()
        out = []
        for block in text.split('\n\n'):
            fuzzy = any(l.startswith('#,') and 'fuzzy' in l for l in block.split('\n'))
            m = re.search(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', block + '\n', re.M)
            if not m:
                continue
            mid = ''.join(re.findall(r'"(.*)"', m.group(1)))
            mstr = ''.join(re.findall(r'"(.*)"', m.group(2)))
            if mid:
                out.append((mid, mstr, fuzzy))
        return out

    msgids = [e[0] for e in entries(pot)]
    if len(msgids) < 50:
        failures.append(f'only {len(msgids)} strings extracted: is POTFILES right?')
    languages = [l.strip() for l in open(os.path.join(po_dir, 'LINGUAS')) if l.strip() and not l.startswith('#')]
    for lang in languages:
        po = os.path.join(po_dir, lang + '.po')
        if not os.path.exists(po):
            failures.append(f'{lang}: po/{lang}.po is missing')
            continue
        text = open(po, encoding='utf-8').read()
        if 'native speaker' not in text.split('msgid')[0]:
            failures.append(f'{lang}: the header does not say how the translation was produced and reviewed')
        r = subprocess.run(['msgcmp', po, pot], capture_output=True, text=True)
        if r.returncode != 0:
            failures.append(f'{lang}: msgcmp says\n{r.stderr.strip()}')
        r = subprocess.run(['msgfmt', '--check', '-o', os.devnull, po], capture_output=True, text=True)
        if r.returncode != 0:
            failures.append(f'{lang}: msgfmt --check says\n{r.stderr.strip()}')
        have = {mid: (mstr, fuzzy) for mid, mstr, fuzzy in entries(po)}
        for mid in msgids:
            if mid not in have:
                failures.append(f'{lang}: missing "{mid}"')
                continue
            mstr, fuzzy = have[mid]
            if not mstr:
                failures.append(f'{lang}: untranslated "{mid}"')
            elif fuzzy:
                failures.append(f'{lang}: fuzzy (needs checking) "{mid}"')
            elif sorted(re.findall(r'\{\w+\}', mid)) != sorted(re.findall(r'\{\w+\}', mstr)):
                failures.append(f'{lang}: placeholders differ in "{mstr}" (English: "{mid}")')

for f in failures:
    print(f)
print(f'{len(msgids)} patient-facing strings, {len(failures)} problem(s)')
sys.exit(1 if failures else 0)
