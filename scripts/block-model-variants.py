#!/usr/bin/env python3
"""Out-of-fold trials of block-model variants on the examples `train-extract-model --dump` writes.

Each variant is judged as the trainer judges its own grid: on the tune pages only, out of fold over 4 folds of
sites (a page is judged by a model fitted on the other folds; the same fold of a page as the trainer gives it), by
the mean article F1 of the candidates it chooses; the rules' choice is the baseline. Variants:

  pointwise  logistic regression on the block labels (shingles, or best), L2, policy veto at a threshold
             (the trainer's own model, fitted by Newton steps instead of Adam: same optimum)
  doubtful   the pointwise model consulted only when the rules' winner looks doubtful (short; off the page's
             description; a close rival outside it; a boilerplate class word)
  listwise   a softmax over each page's candidates fitted towards its best article F1, taking its top candidate
             when that one leads the rules' winner by a margin (in logits)

A lab aid, not a benchmark: it needs numpy. The held halves are never in the dump.

  ./newsflow train-extract-model --datasets $D/extraction --out /tmp/m.json --dump /tmp/pages.jsonl
  python3 scripts/block-model-variants.py /tmp/pages.jsonl
"""
import json
import sys

import numpy as np

FOLDS = 4
THRESHOLDS = (0.3, 0.5, 0.7, 0.8, 0.9, 0.95)
# the names of the dump's features, for the doubtful-winner gate (BlockFeatures.NAMES; features added after them
# leave these positions as they are)
NAMES = ("log_chars page_share link_density score_ratio rank is_winner holds_winner inside_winner start end "
         "log_depth p_share log_p_count li_share log_headings has_h1 sentence_marks commas log_mean_p_chars "
         "class_weight w_comment w_related w_side w_foot w_nav w_article tag_article tag_main tag_section tag_div "
         "tag_table tag_list in_article desc_overlap has_description log_images log_forms log_children").split()
F = {n: i for i, n in enumerate(NAMES)}


def java_hash(s):
    """String.hashCode, as BlockModelTrainer.fold uses it."""
    data = s.encode("utf-16-be")
    h = 0
    for i in range(0, len(data), 2):
        h = (31 * h + (data[i] << 8 | data[i + 1])) & 0xFFFFFFFF
    return h - (1 << 32) if h >= 1 << 31 else h


def load(path):
    pages = []
    with open(path) as f:
        for line in f:
            p = json.loads(line)
            p["X"] = np.array(p["features"], dtype=float)
            p["y"] = np.array(p["content"], dtype=float)
            p["f1"] = np.array(p["articleF1"], dtype=float)
            p["fold"] = java_hash(p["set"] + "/" + p["site"]) % FOLDS
            pages.append(p)
    return pages


def standardise(X):
    mu, sd = X.mean(0), X.std(0)
    const = sd < 1e-12
    sd[const] = 1
    return mu, sd, const


def fit_pointwise(pages, lam, label):
    X = np.vstack([p["X"] for p in pages])
    y = np.concatenate([label(p) for p in pages])
    mu, sd, const = standardise(X)
    Z = (X - mu) / sd
    Z[:, const] = 0
    n, d = Z.shape
    A = np.hstack([Z, np.ones((n, 1))])
    w = np.zeros(d + 1)
    R = np.eye(d + 1) * lam * n
    R[d, d] = 0
    for _ in range(50):
        q = 1 / (1 + np.exp(-A @ w))
        step = np.linalg.solve((A * (q * (1 - q))[:, None]).T @ A + R + 1e-9 * np.eye(d + 1), A.T @ (q - y) + R @ w)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return mu, sd, w


def fit_listwise(pages, lam, iters=400, temperature=0.02):
    X = np.vstack([p["X"] for p in pages])
    mu, sd, const = standardise(X)
    Zs, targets = [], []
    for p in pages:
        Z = (p["X"] - mu) / sd
        Z[:, const] = 0
        Zs.append(Z)
        t = np.exp((p["f1"] - p["f1"].max()) / temperature)
        targets.append(t / t.sum())
    d = X.shape[1]
    w, m1, m2 = np.zeros(d), np.zeros(d), np.zeros(d)
    for it in range(1, iters + 1):
        g = lam * w * len(pages)
        for Z, t in zip(Zs, targets):
            s = Z @ w
            q = np.exp(s - s.max())
            g += Z.T @ (q / q.sum() - t)
        g /= len(pages)
        m1 = 0.9 * m1 + 0.1 * g
        m2 = 0.999 * m2 + 0.001 * g * g
        w -= 0.05 * (m1 / (1 - 0.9 ** it)) / (np.sqrt(m2 / (1 - 0.999 ** it)) + 1e-8)
    return mu, sd, np.append(w, 0.0)


def logits(model, X):
    mu, sd, w = model
    return ((X - mu) / sd) @ w[:-1] + w[-1]


def veto(z, winner, threshold):
    prob = 1 / (1 + np.exp(-z))
    if prob[winner] >= threshold:
        return winner
    passing = np.where(prob >= threshold)[0]
    return winner if len(passing) == 0 else int(passing[np.argmax(prob[passing])])


def doubtful(p):
    X, w = p["X"], p["winner"]
    x = X[w]
    short = np.expm1(x[F["log_chars"]]) < 1500
    off_description = x[F["has_description"]] == 1 and x[F["desc_overlap"]] < 0.3
    rival = any(i != w and X[i, F["score_ratio"]] >= 0.8 and X[i, F["holds_winner"]] == 0
                and X[i, F["inside_winner"]] == 0 for i in range(len(X)))
    boilerplate = sum(x[F[n]] for n in ("w_comment", "w_related", "w_side", "w_foot", "w_nav")) > 0
    return short or off_description or rival or boilerplate


def fold_models(pages, fit):
    """One model per fold, fitted on the pages of the other folds."""
    return [fit([p for p in pages if p["fold"] != f]) for f in range(FOLDS)]


def out_of_fold(pages, models, choose):
    total, changed = 0.0, 0
    for p in pages:
        c = choose(models[p["fold"]], p)
        total += p["f1"][c]
        changed += c != p["winner"]
    return total / len(pages), changed


def best_label(p):
    top = p["f1"].max()
    return p["y"] * ((p["f1"] >= 0.5) & (p["f1"] >= top - 0.02))


def main(path):
    pages = load(path)
    rules = np.mean([p["f1"][p["winner"]] for p in pages])
    ceiling = np.mean([p["f1"].max() for p in pages])
    print(f"{len(pages)} tune pages; article F1: rules {rules:.4f}, best candidate on every page {ceiling:.4f}")
    labels = {"shingles": lambda p: p["y"], "best": best_label}
    for name, label in labels.items():
        for lam in (0.001, 0.01, 0.1, 1.0):
            models = fold_models(pages, lambda tr: fit_pointwise(tr, lam, label))
            cells = []
            for t in THRESHOLDS:
                f1, changed = out_of_fold(pages, models, lambda m, p: veto(logits(m, p["X"]), p["winner"], t))
                cells.append(f"{t:.2f}: {f1:.4f}/{changed}")
            print(f"pointwise {name:8} L2 {lam:<5} veto " + "  ".join(cells))
            if lam in (0.01, 0.1):
                cells = []
                for t in THRESHOLDS:
                    f1, changed = out_of_fold(
                        pages, models,
                        lambda m, p: veto(logits(m, p["X"]), p["winner"], t) if doubtful(p) else p["winner"])
                    cells.append(f"{t:.2f}: {f1:.4f}/{changed}")
                print(f"doubtful  {name:8} L2 {lam:<5} veto " + "  ".join(cells))
    for lam in (0.001, 0.01, 0.1):
        models = fold_models(pages, lambda tr: fit_listwise(tr, lam))
        cells = []
        for margin in (0.0, 0.5, 1.0, 2.0):
            def choose(m, p):
                z = logits(m, p["X"])
                top = int(np.argmax(z))
                return top if z[top] - z[p["winner"]] > margin else p["winner"]
            f1, changed = out_of_fold(pages, models, choose)
            cells.append(f"margin {margin}: {f1:.4f}/{changed}")
        print(f"listwise  L2 {lam:<5} " + "  ".join(cells))
    print("(each cell: out-of-fold mean article F1 on the tune pages / pages whose choice changed)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
