"""compiled_once.py rewrites the test modules once a run, in the process that starts the
workers, with pytest's own functions: what it caches must be what pytest's import reads, with
pytest's readable assertion messages, or the workers would fail or lose those messages."""

from __future__ import annotations

from _pytest.assertion import rewrite
from compiled_once import rewrite_test_modules

MODULE = '''
def test_sum():
    total = 1 + 1
    assert total == 3
'''


def test_a_cached_test_module_is_what_pytest_reads_with_its_assertion_messages(tmp_path, request):
    module = tmp_path / "test_cached_here.py"
    module.write_text(MODULE, encoding="utf-8")
    assert rewrite_test_modules(request.config, [module]) == 1, (
        "nothing cached: pytest's private functions used by tests/compiled_once.py moved")
    pyc = rewrite.get_cache_dir(module) / (module.name[:-3] + rewrite.PYC_TAIL)
    code = rewrite._read_pyc(module, pyc)
    assert code is not None, "pytest does not read what was cached"
    namespace: dict[str, object] = {"__name__": "test_cached_here"}
    exec(code, namespace)
    try:
        namespace["test_sum"]()  # type: ignore[operator]
    except AssertionError as failure:
        assert "assert 2 == 3" in str(failure), f"not pytest's message: {failure}"
    else:
        raise AssertionError("the cached test did not fail")
    assert rewrite_test_modules(request.config, [module]) == 0, "a module cached for its source is left"
    module.write_text(MODULE.replace("== 3", "== 30"), encoding="utf-8")
    assert rewrite_test_modules(request.config, [module]) == 1, "a changed module is cached again"
