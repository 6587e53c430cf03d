#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""make-patches.py K612 K72 OUT: the first draft of the history patches.

For each row of ground-truth.tsv, in a scratch copy of the touched 7.2
files: the 7.2 mmap_prepare function is replaced by the 6.12 .mmap
function (taken from its 6.12 file), its prototypes in the driver's
headers follow, and the ops initializer goes back to .mmap; a
generic_file_*mmap_prepare initializer becomes generic_file_*mmap.
Writes OUT/NAME.patch per driver (diff -u against 7.2, paths a/ b/).
Drafts only: the patches in this directory were then fixed by hand where
a 6.12 body no longer compiles in 7.2 (see the patch headers)."""
import os, re, subprocess, sys, collections

def find_def(text, name):
    for m in re.finditer(r'^[A-Za-z_][^;{}()]*\b' + re.escape(name) + r'\s*\(', text, re.M):
        i, depth = m.end(), 1
        while depth:
            depth += (text[i] == '(') - (text[i] == ')'); i += 1
        j = i
        while text[j] in ' \t\n': j += 1
        if text[j] != '{':
            continue
        k, depth = j, 0
        while True:
            depth += (text[k] == '{') - (text[k] == '}'); k += 1
            if depth == 0:
                return m.start(), k
    return None

k6, k7, out = sys.argv[1:4]
here = os.path.dirname(os.path.abspath(__file__))
rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(here, 'ground-truth.tsv'))
        if l.strip() and not l.startswith('#')]
edits = collections.OrderedDict()	# patch name -> {path: text}
def text(patch, path):
    files = edits.setdefault(patch, {})
    if path not in files:
        files[path] = open(os.path.join(k7, path)).read()
    return files
for r in rows:
    patch, ops_file, hook6, body6, hook7, body7 = r[0], r[1], r[2], r[3], r[4], r[5]
    files = text(patch, ops_file)
    files[ops_file] = re.sub(r'\.mmap_prepare(\s*)=(\s*)' + re.escape(hook7) + r'\b',
                             r'.mmap\1=\2' + hook6, files[ops_file])
    if body7 == '-':
        continue
    files = text(patch, body7)
    t = files[body7]
    d7 = find_def(t, hook7)
    if d7 is None:
        continue	# already replaced (one hook, several ops objects)
    src = open(os.path.join(k6, body6)).read()
    d6 = find_def(src, hook6)
    files[body7] = t[:d7[0]] + src[d6[0]:d6[1]] + t[d7[1]:]
    hdir = os.path.dirname(body7)
    for h in sorted(os.listdir(os.path.join(k7, hdir))) + [os.path.basename(body7)]:
        if h.endswith('.h') or h == os.path.basename(body7):
            p = os.path.join(hdir, h)
            ht = text(patch, p)[p]
            edits[patch][p] = re.sub(r'\b' + re.escape(hook7) + r'\(struct vm_area_desc \*desc\)',
                                     hook6 + '(struct file *file, struct vm_area_struct *vma)', ht)
os.makedirs(out, exist_ok=True)
for patch, files in edits.items():
    diff = ''
    for path, t in sorted(files.items()):
        if t == open(os.path.join(k7, path)).read():
            continue
        tmp = os.path.join(out, '.new')
        open(tmp, 'w').write(t)
        r = subprocess.run(['diff', '-u', '--label', 'a/' + path, '--label', 'b/' + path,
                            os.path.join(k7, path), tmp], capture_output=True, text=True)
        diff += r.stdout
        os.unlink(tmp)
    open(os.path.join(out, patch + '.patch'), 'w').write(diff)
    print(patch, len(diff.splitlines()), 'lines')
