// Warns before leaving a page whose forms hold edits not yet saved (the browser shows its own
// question). Submitting a form saves that form's edits: it alone stops counting as unsaved.
// Without JavaScript nothing changes: the page works the same.
(() => {
	const forms = () => [...document.querySelectorAll('form')].filter((f) => (f.getAttribute('method') || '').toLowerCase() === 'post');
	const changed = (el) => {
		if (el.disabled || !el.name) return false;
		if (el.type === 'checkbox' || el.type === 'radio') return el.checked !== el.defaultChecked;
		if (el.tagName === 'SELECT') {
			const options = [...el.options];
			const initial = options.some((o) => o.defaultSelected) ? options.map((o) => o.defaultSelected) : options.map((_, i) => i === 0 && !el.multiple);
			return options.some((o, i) => o.selected !== initial[i]);
		}
		if (['hidden', 'submit', 'button', 'reset', 'image', 'file'].includes(el.type)) return false;
		return 'defaultValue' in el && el.value !== el.defaultValue;
	};
	const dirty = (form) => [...form.elements].some(changed);
	let submitted = null;
	document.addEventListener('submit', (event) => {
		submitted = event.target;
	});
	window.addEventListener('beforeunload', (event) => {
		if (!forms().some((f) => f !== submitted && dirty(f))) return;
		event.preventDefault();
		event.returnValue = '';
	});
	// Back from the browser's cache: the page is live again.
	window.addEventListener('pageshow', () => {
		submitted = null;
	});
})();
