import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { formProblem, isFormPost, refusedBody } from './request-guard.ts';

const post = (body: BodyInit, type?: string) =>
	new Request('http://localhost:3000/x?/go', { method: 'POST', body, headers: type ? { 'content-type': type } : {} });

function multipart(filename: string): Request {
	const boundary = 'XyZ';
	const body = [`--${boundary}`, `Content-Disposition: form-data; name="file"; filename="${filename}"`, 'Content-Type: application/pdf', '', '%PDF-1.4', `--${boundary}--`, ''].join('\r\n');
	return post(body, `multipart/form-data; boundary=${boundary}`);
}

describe('form bodies reaching an action', () => {
	it('lets a well-formed form through, and can still be read by the action', async () => {
		const request = post(new URLSearchParams({ name: 'Ana', note: 'línea 1\r\nlínea 2' }), 'application/x-www-form-urlencoded');
		expect(isFormPost(request)).toBe(true);
		expect(await formProblem(request)).toBeNull();
		expect((await request.formData()).get('name')).toBe('Ana');
		expect(await formProblem(multipart('informe final.pdf'))).toBeNull();
	});

	it('finds a NUL byte in a field or its name, a broken multipart body, a file name with a line break', async () => {
		expect(await formProblem(post('name=a%00b', 'application/x-www-form-urlencoded'))).toBe('nul');
		expect(await formProblem(post('na%00me=ab', 'application/x-www-form-urlencoded'))).toBe('nul');
		expect(await formProblem(post('--nope\r\ngarbage', 'multipart/form-data; boundary=XyZ'))).toBe('unreadable');
		expect(await formProblem(post('a=b', 'multipart/form-data'))).toBe('unreadable');
		expect(await formProblem(post('name=a', 'text/plain'))).toBe('unreadable');
		expect(await formProblem(multipart('a.pdf\r\nX-Evil: 1'))).not.toBeNull();
		expect(await formProblem(multipart('a\u0007.pdf'))).toBe('file_name');
	});

	it('is not about JSON or GET requests', () => {
		expect(isFormPost(post('{}', 'application/json'))).toBe(false);
		expect(isFormPost(new Request('http://localhost/x'))).toBe(false);
	});

	it('hands the action a body that answers 400 when read', async () => {
		const refused = refusedBody(post('name=a%00b', 'application/x-www-form-urlencoded'), 'nul');
		expect(refused.method).toBe('POST');
		expect(refused.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
		for (const read of [() => refused.formData(), () => refused.text()]) {
			try {
				await read();
				expect.unreachable();
			} catch (error) {
				expect(isHttpError(error, 400)).toBe(true);
			}
		}
	});
});
